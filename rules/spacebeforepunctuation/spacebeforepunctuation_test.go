package spacebeforepunctuation_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/rules/spacebeforepunctuation"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", spacebeforepunctuation.Rule)
}

func TestFrenchOptions(t *testing.T) {
	src := []byte("Titre de l'article\n\nBonjour ! Vous venez ? Il dit : non ; puis il part , enfin .\n")
	doc, err := parse.Parse("fr.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	count := func(opts lint.Options) int { return len(lint.Check(spacebeforepunctuation.Rule, doc, opts)) }
	if n := count(lint.Options{}); n != 6 {
		t.Errorf("default (en): want 6 findings, got %d", n)
	}
	if n := count(lint.Options{}.With("locale", "fr").With("allow-before", []string{})); n != 2 {
		t.Errorf("locale fr: only the comma and the full stop are wrong, want 2 findings, got %d", n)
	}
	if n := count(lint.Options{}.With("locale", "en").With("allow-before", []string{"!", "?"})); n != 4 {
		t.Errorf("allow-before ! ?: want 4 findings, got %d", n)
	}
}

// TestDocExamples: the documented wrong example is reported and fixes to the right one.
func TestDocExamples(t *testing.T) {
	linttest.DocExamples(t, spacebeforepunctuation.Rule, linttest.UnderTitle, true)
}

// TestFalseAlarmsOnBooks bounds the findings on the proofread books.
func TestFalseAlarmsOnBooks(t *testing.T) {
	linttest.ProofreadBooks(t, spacebeforepunctuation.Rule, 0.2)
}

// BenchmarkRule times the rule alone; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) { linttest.Bench(b, spacebeforepunctuation.Rule) }
