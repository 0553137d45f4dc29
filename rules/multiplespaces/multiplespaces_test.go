package multiplespaces_test

import (
	"testing"

	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/internal/corpusgen"
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

func TestFalseAlarmsOnBooks(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the shared corpus")
	}
	alarms, words := linttest.FalseAlarms(t, multiplespaces.Rule, linttest.SharedCorpus(t, "prose"))
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
			lint.Check(multiplespaces.Rule, d, nil)
		}
	}
}
