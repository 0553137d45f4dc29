package repeatedpunctuation_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/rules/repeatedpunctuation"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", repeatedpunctuation.Rule)
}

func TestEmphaticOption(t *testing.T) {
	src := []byte("Title\n\nThe gallery is open!! Really?! Who knew??\n")
	doc, err := parse.Parse("a.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	if got := lint.Check(repeatedpunctuation.Rule, doc, lint.Options{}); len(got) != 0 {
		t.Errorf("by default emphatic marks are style, got %v", got)
	}
	got := lint.Check(repeatedpunctuation.Rule, doc, lint.Options{}.With("flag-emphatic", true))
	if len(got) != 3 {
		t.Fatalf("with flag-emphatic want 3 findings, got %v", got)
	}
	if got[0].Fix == nil || got[1].Fix != nil || got[2].Fix == nil {
		t.Errorf("\"!!\" and \"??\" keep one mark; \"?!\" has no fix: %+v", got)
	}
}

// TestDocExamples: the documented wrong example is reported and fixes to the right one.
func TestDocExamples(t *testing.T) {
	linttest.DocExamples(t, repeatedpunctuation.Rule, linttest.UnderTitle, true)
}

// TestFalseAlarmsOnBooks bounds the findings on the proofread books.
func TestFalseAlarmsOnBooks(t *testing.T) { linttest.ProofreadBooks(t, repeatedpunctuation.Rule, 0.2) }

// BenchmarkRule times the rule alone; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) { linttest.Bench(b, repeatedpunctuation.Rule) }
