package engine

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules"
)

// dumpResult prints everything of a result the report shows, fixes
// included, so that two results compare as text.
func dumpResult(res *Result) string {
	var b strings.Builder
	for _, f := range res.Files {
		fmt.Fprintf(&b, "%s err=%v\n", f.Path, f.Err)
		for _, d := range f.Diagnostics {
			fmt.Fprintf(&b, "  %d-%d %s %v %q", d.Start, d.End, d.Rule, d.Severity, d.Message)
			if d.Fix != nil {
				fmt.Fprintf(&b, " fix %q %v %+v", d.Fix.Message, d.Fix.Applicability, d.Fix.Edits)
			}
			b.WriteByte('\n')
		}
	}
	for _, f := range res.Skipped {
		fmt.Fprintf(&b, "skipped %s: %s\n", f.Path, f.Skipped)
	}
	for _, n := range res.Notes {
		fmt.Fprintf(&b, "note %s\n", n)
	}
	return b.String()
}

// TestCheckedReuse: a Lint that starts from what an earlier one kept
// (Engine.Checked, Input.Checked) gives exactly what a fresh Lint gives,
// runs the document rules only on the texts it has nothing for, and
// ignores a Checked made from another text, config path or role. Every
// built-in rule runs, so that a corpus rule spoiling the facts it is
// given (they are given again) would show.
func TestCheckedReuse(t *testing.T) {
	var mu sync.Mutex
	ran := map[string]int{} // document-rule runs per path
	wordX := &lint.Rule{
		ID: "word-x", Category: lint.CategoryTypography, Severity: lint.SeverityWarning, Doc: lint.Doc{Title: "t", Why: "w", Wrong: "x"},
		Run: func(p *lint.Pass) {
			mu.Lock()
			ran[p.Doc.Path]++
			mu.Unlock()
			for _, tok := range p.Doc.Tokens {
				if tok.Kind == document.TokWord && string(p.Doc.Src[tok.Start:tok.End]) == "x" {
					p.Report(lint.Diagnostic{Start: int(tok.Start), End: int(tok.End), Message: "x found",
						Fix: &lint.Fix{Message: "Write y", Applicability: lint.Safe, Edits: []lint.Edit{{Start: int(tok.Start), End: int(tok.End), NewText: "y"}}}})
				}
			}
		},
	}
	reg, err := lint.NewRegistry(append(rules.All(), linkRule, wordX)...)
	if err != nil {
		t.Fatal(err)
	}
	const museum = "The Marlow Bay Institute of Tides and Weather opened."
	article := func(title, body, next string) []byte {
		return []byte(fmt.Sprintf("%s\n\nDate: 2024-05-0%d\n\n%s %s\n\n[next]:%s\n", title, len(title)%9+1, museum, body, next))
	}
	inputs := []Input{
		{Path: "a.txt", Src: article("Alpha", "An x here.", "Beta")},
		{Path: "b.txt", Src: article("Beta", "Nothing.", "Gamma")},
		{Path: "c.txt", Src: article("Gamma", "An x and an x.", "Delta")},
		{Path: "d.txt", Src: article("Delta", "Body.", "Alpha"), CorpusOnly: true},
		// The filters drop e.md's first finding and add one: filters that
		// worked on the kept findings' array would spoil them.
		{Path: "e.md", Src: []byte("# Epsilon\n\n<!-- copydesk-disable-next-line word-x -- quoted -->\nx quoted\n\nAn x in Markdown.\n\n" +
			"<!-- copydesk-disable-next-line word-x -- unused -->\nclean\n\nThe Marlow Bay Institute of Tide and Weather closed.\n")},
		{Path: "f.txt", Src: article("Zeta", "The Marlow Bay Institute of Tides and Weather again.", "Alpha")},
	}
	newEngine := func() *Engine { return &Engine{Registry: reg, Config: config.Default("."), Workers: 2} }
	kept := make([]*Checked, len(inputs))
	eng := newEngine()
	eng.Checked = func(i int, c *Checked) { kept[i] = c }
	first := eng.Lint(inputs)
	for i, c := range kept {
		if c == nil {
			t.Fatalf("nothing kept for %s", inputs[i].Path)
		}
	}

	// b.txt is renamed "Beta!" (a.txt's next link breaks) and an x fixed
	// in c.txt and e.md; their new texts were checked by
	// LintSourceChecked, as the fix loop does, b.txt's was not.
	next := make([]Input, len(inputs))
	copy(next, inputs)
	next[1].Src = article("Beta!", "Nothing.", "Gamma")
	next[2].Src = []byte(strings.Replace(string(inputs[2].Src), "An x and", "A y and", 1))
	next[4].Src = []byte(strings.Replace(string(inputs[4].Src), "An x in", "A y in", 1))
	for i := range next {
		next[i].Checked = kept[i]
	}
	for _, i := range []int{2, 4} {
		_, c, err := newEngine().LintSourceChecked(next[i])
		if err != nil {
			t.Fatal(err)
		}
		next[i].Checked = c
	}

	clear(ran)
	eng = newEngine()
	eng.Checked = func(i int, c *Checked) { kept[i] = c }
	got := dumpResult(eng.Lint(next))
	if len(ran) != 1 || ran["b.txt"] != 1 {
		t.Errorf("document rules ran on %v, want on b.txt alone (the only text with nothing kept for it)", ran)
	}
	plain := make([]Input, len(next))
	copy(plain, next)
	for i := range plain {
		plain[i].Checked = nil
	}
	want := dumpResult(newEngine().Lint(plain))
	if got != want {
		t.Errorf("starting from what was kept:\n%s\nlinting afresh:\n%s", got, want)
	}
	for _, s := range []string{`no article titled \"Beta\"`, "e.md", "name-consistency", "x found"} {
		if !strings.Contains(want, s) {
			t.Fatalf("the test corpus lost its point (no %s):\n%s", s, want)
		}
	}
	if dumpResult(first) == want {
		t.Fatal("the edits changed nothing")
	}
	// What was kept is not spoilt by the corpus rules and filters of the
	// runs that used it, nor by a run that lets the texts go.
	for range 2 {
		for i := range next {
			next[i].Checked = kept[i]
		}
		clear(ran)
		eng := newEngine()
		eng.Keep = KeepPositions
		eng.Lint(next)
		if again := dumpResult(newEngine().Lint(next)); again != want || len(ran) != 0 {
			t.Errorf("a further reuse gives (document rules ran on %v):\n%s\nwant:\n%s", ran, again, want)
		}
	}

	// A Checked made from another text, config path, path or role is
	// ignored: Checked then gets a new one.
	for _, tc := range []struct {
		name   string
		alter  func(*Input)
		reused bool
	}{
		{"same", func(*Input) {}, true},
		{"text", func(in *Input) { in.Src = article("Alpha", "An x there.", "Beta") }, false},
		{"config path", func(in *Input) { in.ConfigPath = "other/a.txt" }, false},
		{"same config path spelt out", func(in *Input) { in.ConfigPath = in.Path }, true},
		{"corpus only", func(in *Input) { in.CorpusOnly = true }, false},
		{"path", func(in *Input) { in.Path = "z.txt" }, false},
		{"no text", func(in *Input) { in.Src = nil }, false},
	} {
		in := next[0]
		tc.alter(&in)
		var got *Checked
		eng := newEngine()
		eng.ReadFile = func(string) ([]byte, error) { return inputs[0].Src, nil }
		eng.Checked = func(_ int, c *Checked) { got = c }
		eng.Lint([]Input{in})
		if reused := got == in.Checked; reused != tc.reused || got == nil {
			t.Errorf("%s: reused %v, want %v", tc.name, reused, tc.reused)
		}
	}
}
