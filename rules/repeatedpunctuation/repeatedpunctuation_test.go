package repeatedpunctuation_test

import (
	"testing"

	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/internal/corpusgen"
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

func TestFalseAlarmsOnBooks(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the shared corpus")
	}
	alarms, words := linttest.FalseAlarms(t, repeatedpunctuation.Rule, linttest.SharedCorpus(t, "prose"))
	rate := float64(len(alarms)) * 10000 / float64(words)
	for _, a := range alarms {
		t.Logf("%s:%d: %s: %q", a.Path, a.Line, a.Message, a.Context)
	}
	t.Logf("%d findings in %d words: %.3f per 10,000", len(alarms), words, rate)
	if rate >= 0.2 {
		t.Errorf("%.2f findings per 10,000 words on proofread books", rate)
	}
}

// BenchmarkRule times the rule alone on 4 MB of parsed generated articles.
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
			lint.Check(repeatedpunctuation.Rule, d, nil)
		}
	}
}
