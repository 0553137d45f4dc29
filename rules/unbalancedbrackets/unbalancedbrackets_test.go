package unbalancedbrackets_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/unbalancedbrackets"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", unbalancedbrackets.Rule)
}

// TestFalseAlarms bounds the findings on the proofread books.
func TestFalseAlarms(t *testing.T) { linttest.ProofreadBooks(t, unbalancedbrackets.Rule, 0.1) }

// BenchmarkRule times the rule alone; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) { linttest.Bench(b, unbalancedbrackets.Rule) }

// TestDocExamples: the documented wrong example is reported, the right one is not.
func TestDocExamples(t *testing.T) {
	linttest.DocExamples(t, unbalancedbrackets.Rule, linttest.InArticle, false)
}
