package htmlentity_test

import (
	"testing"

	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/htmlentity"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", htmlentity.Rule)
}

// TestDocExamples: the documented wrong example is reported, and fixing it
// (unsafe fixes included) gives the documented right one, which is clean.
func TestDocExamples(t *testing.T) {
	r := htmlentity.Rule
	fix := func(src string) (string, int) {
		relint := func(b []byte) ([]lint.Diagnostic, error) {
			doc, err := lint.Parse("example.txt", b)
			if err != nil {
				return nil, err
			}
			return lint.Check(r, doc, nil), nil
		}
		first, err := relint([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		res, err := fixers.Loop([]byte(src), first, relint, func(d lint.Diagnostic) bool { return d.Fix != nil }, 10)
		if err != nil {
			t.Fatal(err)
		}
		return string(res.Src), len(first)
	}
	got, n := fix(r.Doc.Wrong)
	if n == 0 {
		t.Errorf("wrong example %q: no finding", r.Doc.Wrong)
	}
	if got != r.Doc.Right {
		t.Errorf("wrong example fixed:\n got %q\nwant %q", got, r.Doc.Right)
	}
	if _, n := fix(r.Doc.Right); n != 0 {
		t.Errorf("right example %q: %d findings", r.Doc.Right, n)
	}
}

// TestProofreadBooks: the books hold no character references.
func TestProofreadBooks(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 16 MB of books")
	}
	alarms, words := linttest.FalseAlarms(t, htmlentity.Rule, linttest.SharedCorpus(t, "prose"))
	rate := float64(len(alarms)) * 10000 / float64(words)
	t.Logf("%d findings in %d words: %.3f per 10,000 words", len(alarms), words, rate)
	for _, a := range alarms[:min(len(alarms), 10)] {
		t.Logf("%s:%d: %s: %q", a.Path, a.Line, a.Message, a.Context)
	}
	if rate >= 0.1 {
		t.Errorf("%.3f findings per 10,000 words on proofread books", rate)
	}
}

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
			lint.Check(htmlentity.Rule, d, nil)
		}
	}
}
