package unbalancedquotes_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint"
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

// TestDocExamples: the documented wrong example is reported, the right one
// is not.
func TestDocExamples(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{{unbalancedquotes.Rule.Doc.Wrong, true}, {unbalancedquotes.Rule.Doc.Right, false}} {
		src := "Museum News\n\nThe Museum opens a new gallery\n\nDate: 2025-03-14\n\n" + c.text + "\n"
		doc, err := lint.Parse("example.txt", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if got := len(lint.Check(unbalancedquotes.Rule, doc, nil)) > 0; got != c.want {
			t.Errorf("%q: reported %v, want %v", c.text, got, c.want)
		}
	}
}
