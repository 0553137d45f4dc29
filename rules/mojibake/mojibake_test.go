package mojibake_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/mojibake"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", mojibake.Rule)
}

// TestDocExamples: the documented wrong example is reported and fixes to the right one.
func TestDocExamples(t *testing.T) { linttest.DocExamples(t, mojibake.Rule, nil, true) }

// TestProofreadBooks bounds the findings on the proofread books.
func TestProofreadBooks(t *testing.T) { linttest.ProofreadBooks(t, mojibake.Rule, 0.1) }

// BenchmarkRule times the rule alone; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) { linttest.Bench(b, mojibake.Rule) }
