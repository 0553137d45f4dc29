package multiplespaces_test

import (
	"testing"

	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/multiplespaces"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", multiplespaces.Rule)
}

func TestSentenceSpacingOption(t *testing.T) {
	src := []byte("A title for the test\n\nThe gallery opened.  Tickets are free!  \"We are ready.\"  The  hall is new.\n")
	doc, err := lint.Parse("a.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	if got := lint.Check(multiplespaces.Rule, doc, nil); len(got) != 4 {
		t.Errorf("by default every double space counts: want 4 findings, got %d", len(got))
	}
	got := lint.Check(multiplespaces.Rule, doc, lint.Options{"allow-sentence-spacing": true})
	if len(got) != 1 || string(src[got[0].Start-3:got[0].Start]) != "The" {
		t.Errorf("with allow-sentence-spacing only the space after \"The\" counts, got %+v", got)
	}
}

// TestDocExamples checks the documented examples: the wrong one is
// reported, the right one is not, and fixing the wrong one gives the right.
func TestDocExamples(t *testing.T) {
	rule := multiplespaces.Rule
	lintText := func(b []byte) ([]lint.Diagnostic, error) {
		doc, err := lint.Parse("doc.txt", b)
		if err != nil {
			return nil, err
		}
		return lint.Check(rule, doc, nil), nil
	}
	const head = "A title for the example\n\n"
	wrong := []byte(head + rule.Doc.Wrong + "\n")
	first, err := lintText(wrong)
	if err != nil || len(first) == 0 {
		t.Fatalf("wrong example not reported (%v)", err)
	}
	if got, _ := lintText([]byte(head + rule.Doc.Right + "\n")); len(got) != 0 {
		t.Errorf("right example reported: %+v", got)
	}
	r, err := fixers.Loop(wrong, first, lintText, func(d lint.Diagnostic) bool { return d.Fix != nil }, 10)
	if err != nil {
		t.Fatal(err)
	}
	if want := head + rule.Doc.Right + "\n"; string(r.Src) != want {
		t.Errorf("fixing the wrong example gives\n%q\nwant\n%q", r.Src, want)
	}
}

// TestFalseAlarmsOnBooks bounds the findings on the proofread books.
func TestFalseAlarmsOnBooks(t *testing.T) { linttest.ProofreadBooks(t, multiplespaces.Rule, 0.2) }

// BenchmarkRule times the rule alone; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) { linttest.Bench(b, multiplespaces.Rule) }
