package engine

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// A toy corpus rule: every article whose title another article's [next]
// line names is reported in the naming article, at the link's target.
var linkRule = &lint.Rule{
	ID: "toy-links", Category: lint.CategoryLinks, Severity: lint.SeverityWarning,
	Doc: lint.Doc{Title: "t", Why: "w", Wrong: "x"},
	Corpus: lint.CorpusFacts(func(p *lint.Pass) int {
		return len(p.Doc.Tokens) // a fact computed from tokens, which are gone by Check
	}, func(p *lint.CorpusPass, tokens []int) {
		titles := map[string]bool{}
		for _, s := range p.Summaries {
			titles[s.Title] = true
		}
		for i, s := range p.Summaries {
			for _, l := range s.Nav {
				if !titles[l.Target] {
					p.Report(s.Path, lint.Diagnostic{Start: l.Span.Start, End: l.Span.End, Message: fmt.Sprintf("no article titled %q (tokens %d)", l.Target, tokens[i])})
				}
			}
		}
	}),
}

func TestCorpusRule(t *testing.T) {
	reg, err := lint.NewRegistry(append(lint.Builtin(), linkRule)...)
	if err != nil {
		t.Fatal(err)
	}
	var inputs []Input
	for i := range 40 {
		next := fmt.Sprintf("Article %d", i+1)
		if i%10 == 3 {
			next = "Missing article"
		}
		inputs = append(inputs, Input{Path: fmt.Sprintf("a%02d.txt", i), Src: []byte(fmt.Sprintf("Article %d\n\nBody of article %d.\n\n[next]:%s\n", i, i, next))})
	}
	var first string
	for run := range 5 {
		eng := &Engine{Registry: reg, Config: config.Default("."), Workers: 1 + run%3}
		res := eng.Lint(inputs)
		var b strings.Builder
		for _, d := range res.Diagnostics() {
			fmt.Fprintf(&b, "%s:%d-%d %s\n", d.Path, d.Start, d.End, d.Message)
		}
		if run == 0 {
			first = b.String()
			continue
		}
		if b.String() != first {
			t.Fatalf("run %d differs:\n%s\nvs\n%s", run, b.String(), first)
		}
	}
	// 4 articles point at "Missing article", and the last at "Article 40".
	if n := strings.Count(first, "no article titled"); n != 5 {
		t.Fatalf("want 5 findings, got %d:\n%s", n, first)
	}
	if !strings.Contains(first, `a03.txt:`) || !strings.Contains(first, `"Missing article" (tokens 11)`) {
		t.Errorf("findings lack the path or the collected fact:\n%s", first)
	}
}

func TestSuppressionFilter(t *testing.T) {
	rule := &lint.Rule{
		ID: "word-x", Category: lint.CategoryTypography, Severity: lint.SeverityWarning, Doc: lint.Doc{Title: "t", Why: "w", Wrong: "x"},
		Run: func(p *lint.Pass) {
			for _, tok := range p.Doc.Tokens {
				if tok.Kind() == document.TokWord && string(p.Doc.Src[tok.Start:tok.End()]) == "x" {
					p.Reportf(int(tok.Start), int(tok.End()), "x found")
				}
			}
		},
	}
	reg, err := lint.NewRegistry(append(lint.Builtin(), rule)...)
	if err != nil {
		t.Fatal(err)
	}
	src := "# T\n\nline x one\n\n<!-- copydesk-disable-next-line word-x -- test -->\nline x two\n\n<!-- copydesk-disable word-x -- region -->\n\nx three\n\nx four\n\n<!-- copydesk-enable word-x -->\n\nx five\n\n<!-- copydesk-disable-next-line word-x -- nothing here -->\nclean\n\n<!-- copydesk-disable-next-line nope -- unknown -->\nx six\n"
	eng := &Engine{Registry: reg, Config: config.Default(".")}
	ds, err := eng.LintSource(Input{Path: "a.md", Src: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	doc, _ := parse.Parse("a.md", []byte(src))
	for _, d := range ds {
		line, _ := doc.Position(d.Start)
		got = append(got, fmt.Sprintf("%d %s", line, d.Rule))
	}
	want := []string{"3 word-x", "16 word-x", "18 unused-suppression", "21 invalid-suppression", "21 unused-suppression", "22 word-x"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestCorpusOnlyInputs(t *testing.T) {
	reg, err := lint.NewRegistry(append(lint.Builtin(), linkRule)...)
	if err != nil {
		t.Fatal(err)
	}
	inputs := []Input{
		{Path: "a.txt", Src: []byte("Alpha\n\nBody.\n\n[next]:Beta\n")},
		{Path: "b.txt", Src: []byte("Beta\n\nBody.\n\n[next]:Gamma\n"), CorpusOnly: true},
		{Path: "c.txt", Src: []byte("Gamma\n\nBody.\n\n[next]:Nowhere\n")},
	}
	res := (&Engine{Registry: reg, Config: config.Default(".")}).Lint(inputs)
	if len(res.Files) != 2 || res.Files[0].Path != "a.txt" || res.Files[1].Path != "c.txt" {
		t.Fatalf("files = %v", res.Files)
	}
	ds := res.Diagnostics()
	if len(ds) != 1 || ds[0].Path != "c.txt" {
		t.Fatalf("want only c.txt's broken link (a.txt's resolves through the corpus-only b.txt), got %+v", ds)
	}
}

// A corpus rule's Collect and a document rule's Run share one input per
// document: it is built once, whichever asks first, and released once
// when the document is done.
func TestSharedAcrossCollectAndRun(t *testing.T) {
	var built, released, collected, ran atomic.Int32
	count := &lint.Input[*atomic.Int32]{
		Name:    "a count",
		Build:   func(*lint.Pass) *atomic.Int32 { built.Add(1); return &released },
		Release: func(r *atomic.Int32) { r.Add(1) },
	}
	doc := lint.Doc{Title: "t", Why: "w", Wrong: "x"}
	reg, err := lint.NewRegistry(
		&lint.Rule{ID: "toy-collect", Category: lint.CategoryNames, Severity: lint.SeverityWarning, Doc: doc,
			Corpus:   lint.CorpusFacts(func(p *lint.Pass) any { count.Of(p); collected.Add(1); return nil }, func(*lint.CorpusPass, []any) {}),
			Requires: []lint.Requirement{count}},
		&lint.Rule{ID: "toy-run", Category: lint.CategoryNames, Severity: lint.SeverityWarning, Doc: doc,
			Run: func(p *lint.Pass) { count.Of(p); ran.Add(1) }, Requires: []lint.Requirement{count}},
	)
	if err != nil {
		t.Fatal(err)
	}
	var inputs []Input
	for i := range 6 {
		inputs = append(inputs, Input{Path: fmt.Sprintf("a%d.txt", i), Src: []byte("Some words.\n")})
	}
	eng := &Engine{Registry: reg, Config: config.Default("."), Workers: 2}
	eng.Lint(inputs)
	if collected.Load() != 6 || ran.Load() != 6 {
		t.Fatalf("collected %d, ran %d: want both rules on all 6 documents", collected.Load(), ran.Load())
	}
	if built.Load() != 6 || released.Load() != 6 {
		t.Errorf("built %d, released %d: want one of each per document (6)", built.Load(), released.Load())
	}
}
