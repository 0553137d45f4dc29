package unbalancedquotes_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/unbalancedquotes"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", unbalancedquotes.Rule)
}

func TestFalseAlarms(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the proofread books")
	}
	alarms, words := linttest.FalseAlarms(t, unbalancedquotes.Rule, linttest.SharedCorpus(t, "prose"))
	rate := float64(len(alarms)) * 10000 / float64(words)
	t.Logf("%d findings in %d words: %.3f per 10,000 words", len(alarms), words, rate)
	for _, a := range alarms {
		t.Logf("%s:%d: %s: %q", a.Path, a.Line, a.Message, a.Context)
	}
	// Measured at 0.01 or less; every finding left was read and is a slip in
	// the book or an exception too rare to special-case.
	if rate >= 0.1 {
		t.Errorf("%.2f findings per 10,000 words on proofread books; expected below 0.1", rate)
	}
}

// BenchmarkRule times the rule alone on 4 MB of generated articles, parsed
// once; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) {
	var docs []*lint.Document
	var size int64
	err := corpusgen.Generate(corpusgen.Options{Bytes: 4 << 20, Seed: 7, MarkdownShare: 0.25, DefectRate: 2}, func(a corpusgen.Article) error {
		doc, err := lint.Parse(a.Name, a.Body)
		if err != nil {
			return err
		}
		docs = append(docs, doc)
		size += int64(len(a.Body))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			lint.Check(unbalancedquotes.Rule, d, nil)
		}
	}
}

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
