package multiplespaces_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/rules/multiplespaces"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", multiplespaces.Rule)
}

func TestSentenceSpacingOption(t *testing.T) {
	src := []byte("A title for the test\n\nThe gallery opened.  Tickets are free!  \"We are ready.\"  The  hall is new.\n")
	doc, err := parse.Parse("a.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	if got := lint.Check(multiplespaces.Rule, doc, lint.Options{}); len(got) != 4 {
		t.Errorf("by default every double space counts: want 4 findings, got %d", len(got))
	}
	got := lint.Check(multiplespaces.Rule, doc, lint.Options{}.With("allow-sentence-spacing", true))
	if len(got) != 1 || string(src[got[0].Start-3:got[0].Start]) != "The" {
		t.Errorf("with allow-sentence-spacing only the space after \"The\" counts, got %+v", got)
	}
}

// TestDocExamples: the documented wrong example is reported and fixes to the right one.
func TestDocExamples(t *testing.T) {
	linttest.DocExamples(t, multiplespaces.Rule, linttest.UnderTitle, true)
}

// TestFalseAlarmsOnBooks bounds the findings on the proofread books.
func TestFalseAlarmsOnBooks(t *testing.T) { linttest.ProofreadBooks(t, multiplespaces.Rule, 0.2) }

// BenchmarkRule times the rule alone; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) { linttest.Bench(b, multiplespaces.Rule) }
