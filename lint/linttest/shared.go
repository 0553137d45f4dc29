package linttest

import (
	"sync"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// Bench times a document rule alone on 4 MB of generated articles, parsed
// once a test binary, so that a slow rule shows; MB/s is over the
// articles' bytes.
func Bench(b *testing.B, rule *lint.Rule) {
	b.Helper()
	benchOnce.Do(func() {
		benchErr = corpusgen.Generate(corpusgen.Options{Bytes: 4 << 20, Seed: 7, MarkdownShare: 0.25, DefectRate: 2}, func(a corpusgen.Article) error {
			doc, err := parse.Parse(a.Name, a.Body)
			if err != nil {
				return err
			}
			benchDocs = append(benchDocs, doc)
			benchBytes += int64(len(a.Body))
			return nil
		})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	b.SetBytes(benchBytes)
	b.ReportAllocs()
	start := cputime.Used()
	for b.Loop() {
		for _, d := range benchDocs {
			lint.Check(rule, d, lint.Options{})
		}
	}
	// CPU time, the process's: several benchmarks share the machine.
	b.ReportMetric(float64(cputime.Used()-start)/float64(b.N), "cpu-ns/op")
}

var (
	benchOnce  sync.Once
	benchDocs  []*document.Document
	benchBytes int64
	benchErr   error
)

// ProofreadBooks lints the 14 proofread books with one rule, logs every
// finding for the record, and fails when there are bound or more findings
// per 10,000 words. It skips under -short and without the shared corpus.
func ProofreadBooks(t *testing.T, rule *lint.Rule, bound float64) {
	t.Helper()
	if testing.Short() {
		t.Skip("reads 16 MB of books")
	}
	alarms, words := FalseAlarms(t, rule, SharedCorpus(t, "prose"))
	rate := float64(len(alarms)) * 10000 / float64(words)
	t.Logf("%d findings in %d words: %.3f per 10,000 words", len(alarms), words, rate)
	for _, a := range alarms[:min(len(alarms), 20)] {
		t.Logf("%s:%d: %s: %q", a.Path, a.Line, a.Message, a.Context)
	}
	if rate >= bound {
		t.Errorf("%.3f findings per 10,000 words on proofread books; the bound is %.2f", rate, bound)
	}
}

// Fuzz runs one rule and the fix loop, unsafe fixes included, on arbitrary
// text as plain text and as Markdown: no panic, every range and fix is
// valid, and once the loop converges the rule has nothing left to fix.
func Fuzz(f *testing.F, rule *lint.Rule, seeds ...string) {
	for _, s := range seeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	reg, err := lint.NewRegistry(append(lint.Builtin(), rule)...)
	if err != nil {
		f.Fatal(err)
	}
	eng := &engine.Engine{Registry: reg, Config: config.Default(".")}
	// Only this rule's fixes: the built-in encoding rule's conversion of
	// random bytes is not what is under test.
	mine := func(d lint.Diagnostic) bool { return d.Fix != nil && d.Rule == rule.ID }
	f.Fuzz(func(t *testing.T, s string, markdown bool) {
		path := "a.txt"
		if markdown {
			path = "a.md"
		}
		CheckFixLoop(t, eng, path, s, mine)
	})
}

// CheckFixLoop lints src as the file path, checks every diagnostic's range
// and every fix that apply selects, and runs the fix loop with those
// fixes. Once the loop converges, none may be left, and fixing the result
// again must change nothing. The fuzz targets of single rules and of all
// rules together share it.
func CheckFixLoop(t *testing.T, eng *engine.Engine, path, src string, apply func(lint.Diagnostic) bool) {
	t.Helper()
	relint := func(b []byte) ([]lint.Diagnostic, error) {
		return eng.LintSource(engine.Input{Path: path, Src: b})
	}
	first, err := relint([]byte(src))
	if err != nil {
		return // not text: binary or invalid UTF-8
	}
	for _, d := range first {
		if d.Start < 0 || d.Start > d.End || d.End > len(src) {
			t.Fatalf("[%s] range %d-%d outside the text", d.Rule, d.Start, d.End)
		}
		if apply(d) {
			if _, err := fixers.Normalize([]byte(src), *d.Fix); err != nil {
				t.Fatalf("[%s] invalid fix: %v", d.Rule, err)
			}
		}
	}
	r, err := fixers.Loop([]byte(src), first, relint, apply, 10)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Converged {
		return
	}
	for _, d := range r.Remaining {
		if apply(d) {
			t.Fatalf("after fixing, [%s] still offers a fix: %s\ntext: %q", d.Rule, d.Message, r.Src)
		}
	}
	again, err := relint(r.Src)
	if err != nil {
		t.Fatalf("fixed text no longer parses: %v", err)
	}
	r2, err := fixers.Loop(r.Src, again, relint, apply, 10)
	if err != nil {
		t.Fatal(err)
	}
	if r2.Applied != 0 {
		t.Fatalf("second fix changed %q to %q", r.Src, r2.Src)
	}
}

// InArticle sets an example in the body of a small plain-text article, for
// rules that look only at body paragraphs.
func InArticle(example string) string {
	return "Museum News\n\nThe Museum opens a new gallery\n\nDate: 2025-03-14\n\n" + example + "\n"
}

// DocExamples checks what `copydesk explain` shows: the rule reports its
// documented wrong example and not its right one. With fixToRight, fixing
// the wrong example (unsafe fixes included) must give the right one exactly.
// wrap, when not nil, sets each example in a larger text first.
func DocExamples(t *testing.T, rule *lint.Rule, wrap func(string) string, fixToRight bool) {
	t.Helper()
	if wrap == nil {
		wrap = func(s string) string { return s }
	}
	relint := func(b []byte) ([]lint.Diagnostic, error) {
		doc, err := parse.Parse("example.txt", b)
		if err != nil {
			return nil, err
		}
		return lint.Check(rule, doc, lint.Options{}), nil
	}
	fix := func(src string) (string, int) {
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
	wrong, right := wrap(rule.Doc.Wrong), wrap(rule.Doc.Right)
	got, n := fix(wrong)
	if n == 0 {
		t.Errorf("wrong example %q: no finding", rule.Doc.Wrong)
	}
	if fixToRight && got != right {
		t.Errorf("wrong example fixed:\n got %q\nwant %q", got, right)
	}
	if _, n := fix(right); n != 0 {
		t.Errorf("right example %q: %d findings", rule.Doc.Right, n)
	}
}

// UnderTitle sets an example under a title line, as the body of the
// smallest plain-text article.
func UnderTitle(example string) string { return "A title for the example\n\n" + example + "\n" }
