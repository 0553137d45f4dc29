package namevariant_test

import (
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/rules/namevariant"
)

func TestRule(t *testing.T) {
	linttest.RunCorpus(t, "testdata", namevariant.Rule)
}

// With no glossary the rule reports nothing, whatever the text.
func TestNoGlossary(t *testing.T) {
	doc, err := parse.Parse("a.txt", []byte("Title\n\nThe Harbor City Museum of Sciences and Technology and Lakesde.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ds := lint.Check(namevariant.Rule, doc, lint.Options{}); len(ds) != 0 {
		t.Errorf("findings without a glossary: %v", ds)
	}
}

// The documented wrong example is reported and fixed to the right one; the
// right one is not reported.
func TestDocExamples(t *testing.T) {
	cfg := config.Default(".")
	cfg.Names = []lint.NameEntry{{Name: "Harbor City Museum of Science and Technology"}}
	wrong := linttest.InArticle(namevariant.Rule.Doc.Wrong)
	got := linttest.CorpusFindings(t, map[string]string{"a.txt": wrong, "b.txt": linttest.InArticle(namevariant.Rule.Doc.Right)}, cfg, time.Time{}, namevariant.Rule)
	if len(got["b.txt"]) != 0 {
		t.Errorf("right example reported: %v", got["b.txt"])
	}
	if len(got["a.txt"]) != 1 || got["a.txt"][0].Fix == nil {
		t.Fatalf("wrong example: want one finding with a fix, got %v", got["a.txt"])
	}
	e := got["a.txt"][0].Fix.Edits[0]
	if fixed := wrong[:e.Start] + e.NewText + wrong[e.End:]; fixed != linttest.InArticle(namevariant.Rule.Doc.Right) {
		t.Errorf("fixed wrong example = %q", fixed)
	}
}
