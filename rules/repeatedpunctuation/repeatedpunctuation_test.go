package repeatedpunctuation_test

import (
	"testing"

	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/repeatedpunctuation"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", repeatedpunctuation.Rule)
}

func TestEmphaticOption(t *testing.T) {
	src := []byte("Title\n\nThe gallery is open!! Really?! Who knew??\n")
	doc, err := lint.Parse("a.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	if got := lint.Check(repeatedpunctuation.Rule, doc, nil); len(got) != 0 {
		t.Errorf("by default emphatic marks are style, got %v", got)
	}
	got := lint.Check(repeatedpunctuation.Rule, doc, lint.Options{"flag-emphatic": true})
	if len(got) != 3 {
		t.Fatalf("with flag-emphatic want 3 findings, got %v", got)
	}
	if got[0].Fix == nil || got[1].Fix != nil || got[2].Fix == nil {
		t.Errorf("\"!!\" and \"??\" keep one mark; \"?!\" has no fix: %+v", got)
	}
}

// TestDocExamples checks the documented examples: the wrong one is
// reported, the right one is not, and fixing the wrong one gives the right.
func TestDocExamples(t *testing.T) {
	rule := repeatedpunctuation.Rule
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
func TestFalseAlarmsOnBooks(t *testing.T) { linttest.ProofreadBooks(t, repeatedpunctuation.Rule, 0.2) }

// BenchmarkRule times the rule alone; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) { linttest.Bench(b, repeatedpunctuation.Rule) }
