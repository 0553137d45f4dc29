package rules

import (
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
)

// TestFalseAlarmsOnProofreadBooks lints 14 professionally proofread books
// and bounds each rule's findings per 10,000 words: below 1 for rules with a
// safe fix. The rate of every rule is logged for the record (go test -v).
func TestFalseAlarmsOnProofreadBooks(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 16 MB of books")
	}
	dir := linttest.SharedCorpus(t, "prose")
	var docRules []*lint.Rule
	for _, r := range All() {
		if r.Run != nil {
			docRules = append(docRules, r)
		}
	}
	all, words := linttest.FalseAlarmsAll(t, docRules, dir)
	for _, r := range docRules {
		alarms := all[r.ID]
		rate := float64(len(alarms)) * 10000 / float64(words)
		t.Logf("%-24s %5d findings in %d words: %.3f per 10,000 words", r.ID, len(alarms), words, rate)
		if r.Fixable == lint.FixSafe && rate >= 1 {
			for _, a := range alarms[:min(len(alarms), 10)] {
				t.Logf("  %s:%d: %s: %q", a.Path, a.Line, a.Message, a.Context)
			}
			t.Errorf("%s: %.2f findings per 10,000 words on proofread books; a rule with a safe fix must stay below 1", r.ID, rate)
		}
	}
}
