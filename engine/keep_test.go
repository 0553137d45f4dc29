package engine

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/lint"
)

// doubleThe is a toy document rule: each "the the" is a finding.
var doubleThe = &lint.Rule{
	ID: "toy-the", Category: lint.CategoryTypography, Severity: lint.SeverityWarning,
	Doc: lint.Doc{Title: "t", Why: "w", Wrong: "x"},
	Run: func(p *lint.Pass) {
		for at := 0; ; {
			i := bytes.Index(p.Doc.Src[at:], []byte("the the"))
			if i < 0 {
				return
			}
			p.Report(lint.Diagnostic{Start: at + i, End: at + i + 7, Message: "the the",
				Fix: &lint.Fix{Message: "Remove one", Edits: []lint.Edit{{Start: at + i, End: at + i + 4}}}})
			at += i + 7
		}
	},
}

// TestKeep lints the same articles keeping texts, lines and positions, with
// a corpus rule and without: the findings are the same, the summaries go
// unless kept, and what is kept answers as the summaries do.
func TestKeep(t *testing.T) {
	var inputs []Input
	for i := range 12 {
		next := fmt.Sprintf("Article %d", i+1)
		if i%4 == 1 {
			next = "Missing article"
		}
		src := fmt.Sprintf("\ufeffArticle %d\r\n\r\n“Body” of the the article %d.\r\n\r\n<!-- copydesk-disable-next-line toy-the -- quoted -->\r\nthe the quoted.\r\n\r\n[next]:%s\r\n", i, i, next)
		inputs = append(inputs, Input{Path: fmt.Sprintf("a%02d.txt", i), Src: []byte(src)})
	}
	for _, rules := range [][]*lint.Rule{{doubleThe, linkRule}, {doubleThe}} {
		reg, err := lint.NewRegistry(append(lint.Builtin(), rules...)...)
		if err != nil {
			t.Fatal(err)
		}
		whole := (&Engine{Registry: reg, Config: config.Default(".")}).Lint(inputs)
		if len(whole.Diagnostics()) < len(inputs) {
			t.Fatalf("%d rules: %d findings in %d files", len(rules), len(whole.Diagnostics()), len(inputs))
		}
		for _, keep := range []Keep{KeepLines, KeepPositions} {
			res := (&Engine{Registry: reg, Config: config.Default("."), Keep: keep}).Lint(inputs)
			if !reflect.DeepEqual(res.Diagnostics(), whole.Diagnostics()) {
				t.Fatalf("%d rules, keep %d: findings\n%v\nwant\n%v", len(rules), keep, res.Diagnostics(), whole.Diagnostics())
			}
			for i, f := range res.Files {
				if f.Summary != nil || f.Excerpt == nil {
					t.Fatalf("%s, keep %d: summary %v, excerpt %v", f.Path, keep, f.Summary != nil, f.Excerpt != nil)
				}
				sum := whole.Files[i].Summary
				for _, d := range f.Diagnostics {
					l, c := sum.Position(d.Start)
					xl, xc, ok := f.Excerpt.Position(d.Start)
					if !ok || xl != l || xc != c {
						t.Errorf("%s: %s at %d: %d:%d %v, want %d:%d", f.Path, d.Rule, d.Start, xl, xc, ok, l, c)
					}
					line := sum.LineSpan(l)
					got, ok := f.Excerpt.LineSpan(l)
					if keep == KeepPositions {
						if ok || f.Excerpt.Text(line) != nil {
							t.Errorf("%s: line %d kept with positions only", f.Path, l)
						}
						continue
					}
					if !ok || got != line || !bytes.Equal(f.Excerpt.Text(line), sum.Text(line)) {
						t.Errorf("%s: line %d = %v %q, want %v %q", f.Path, l, got, f.Excerpt.Text(got), line, sum.Text(line))
					}
				}
			}
		}
	}
}

// TestKeepTextKeepsSummaries: the zero Keep is what callers that read the
// texts again (fix, the language server) get.
func TestKeepTextKeepsSummaries(t *testing.T) {
	reg, err := lint.NewRegistry(append(lint.Builtin(), doubleThe)...)
	if err != nil {
		t.Fatal(err)
	}
	res := (&Engine{Registry: reg, Config: config.Default(".")}).Lint([]Input{{Path: "a.txt", Src: []byte("Title\n\nthe the end.\n")}})
	if f := res.Files[0]; f.Summary == nil || string(f.Summary.Src) != "Title\n\nthe the end.\n" || f.Excerpt != nil {
		t.Fatalf("summary %+v, excerpt %v", f.Summary, f.Excerpt)
	}
}
