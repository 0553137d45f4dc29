package unbalancedquotes_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/unbalancedquotes"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", unbalancedquotes.Rule)
}

// TestFalseAlarms bounds the findings on the proofread books.
func TestFalseAlarms(t *testing.T) { linttest.ProofreadBooks(t, unbalancedquotes.Rule, 0.1) }

// BenchmarkRule times the rule alone; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) { linttest.Bench(b, unbalancedquotes.Rule) }

// TestDocExamples: the documented wrong example is reported, the right one is not.
func TestDocExamples(t *testing.T) {
	linttest.DocExamples(t, unbalancedquotes.Rule, linttest.InArticle, false)
}
