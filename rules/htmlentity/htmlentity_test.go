package htmlentity_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/htmlentity"
)

// TestRule: by default Markdown's references are the author's markup and
// plain text's are leftovers; check-markdown reports Markdown's too.
func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", htmlentity.Rule)
	linttest.Run(t, "testdata/check-markdown", htmlentity.Rule)
}

// TestDocExamples: the documented wrong example is reported and fixes to the right one.
func TestDocExamples(t *testing.T) { linttest.DocExamples(t, htmlentity.Rule, nil, true) }

// TestProofreadBooks bounds the findings on the proofread books.
func TestProofreadBooks(t *testing.T) { linttest.ProofreadBooks(t, htmlentity.Rule, 0.1) }

// BenchmarkRule times the rule alone; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) { linttest.Bench(b, htmlentity.Rule) }
