package missingspaceafterpunctuation_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/missingspaceafterpunctuation"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", missingspaceafterpunctuation.Rule)
}

// TestDocExamples: the documented wrong example is reported and fixes to the right one.
func TestDocExamples(t *testing.T) {
	linttest.DocExamples(t, missingspaceafterpunctuation.Rule, linttest.UnderTitle, true)
}

// TestFalseAlarmsOnBooks bounds the findings on the proofread books.
func TestFalseAlarmsOnBooks(t *testing.T) {
	linttest.ProofreadBooks(t, missingspaceafterpunctuation.Rule, 0.2)
}

// BenchmarkRule times the rule alone; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) { linttest.Bench(b, missingspaceafterpunctuation.Rule) }
