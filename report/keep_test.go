package report_test

import (
	"bytes"
	"testing"

	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/report"
)

// TestKeeps renders the sample in every format twice: from the texts, and
// from what the engine keeps when told what the format needs. The two must
// be the same bytes, with corpus rules on (the texts go after the corpus
// phase) and without (each goes when its worker is done).
func TestKeeps(t *testing.T) {
	all := sampleRules(t)
	var docOnly []*lint.Rule
	for _, r := range all.Rules() {
		if r.Corpus == nil {
			docOnly = append(docOnly, r)
		}
	}
	if len(docOnly) == len(all.Rules()) {
		t.Fatal("the sample has no corpus rule: the texts are never kept for one")
	}
	noCorpus, err := lint.NewRegistry(docOnly...)
	if err != nil {
		t.Fatal(err)
	}
	for _, reg := range []struct {
		name string
		reg  *lint.Registry
	}{{"corpus rules", all}, {"no corpus rules", noCorpus}} {
		whole := sampleOf(t, reg.reg, engine.KeepText)
		for _, name := range report.Formats() {
			for _, stats := range []bool{false, true} {
				f, err := report.ByName(name, report.Options{Statistics: stats})
				if err != nil {
					continue // no statistics in this format
				}
				keep := report.Keeps(f)
				if keep == engine.KeepText {
					t.Errorf("%s: the texts kept whole for a format of this package", name)
				}
				want := render(t, f, whole)
				got := render(t, f, sampleOf(t, reg.reg, keep))
				if !bytes.Equal(got, want) {
					t.Errorf("%s, %s, statistics %v: keeping %v gives\n%s\nwant, from the texts,\n%s", reg.name, name, stats, keep, got, want)
				}
			}
		}
	}
}
