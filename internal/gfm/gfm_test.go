package gfm

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// ours is a parser as internal/gfm sets one up; theirs is goldmark's with
// its extension package, which ours must match node for node.
func ours() parser.Parser {
	return parser.NewParser(append([]parser.Option{
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	}, ParserOptions(nil)...)...)
}

func theirs() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()
}

// tree writes the node kinds, positions, lines, alignments and text
// segments of a parse, one node a line.
func tree(src []byte, p parser.Parser) string {
	var b strings.Builder
	doc := p.Parse(text.NewReader(src))
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "%s", n.Kind())
		if n.Type() == gast.TypeBlock {
			fmt.Fprintf(&b, " pos=%d", n.Pos())
			for i := 0; i < n.Lines().Len(); i++ {
				s := n.Lines().At(i)
				fmt.Fprintf(&b, " [%d,%d)", s.Start, s.Stop)
			}
		}
		switch n := n.(type) {
		case *ast.Table:
			fmt.Fprintf(&b, " %v", n.Alignments)
		case *ast.TableCell:
			fmt.Fprintf(&b, " %v", n.Alignment)
		case *gast.Text:
			fmt.Fprintf(&b, " %q raw=%v", n.Segment.Value(src), n.IsRaw())
		}
		b.WriteByte('\n')
		return gast.WalkContinue, nil
	})
	return b.String()
}

func TestSameTreesAsGoldmark(t *testing.T) {
	tests := []string{
		"| a | b |\n|---|:-:|\n| 1 | 2 |\n",
		"a | b\n:-- | --:\nx | y\n",
		"lead line\n| a | b |\n| - | - |\n| 1 | 2 | 3 |\n| only |\n",
		"| a |\n| :: |\n",
		"| a | b |\n| - |\n",
		"| a |\n|  -  |\n| `x \\| y` | z |\n",
		"| `a \\| b` |\n| --- |\n| `c \\| d \\| e` |\n",
		"    | indented |\n    | --- |\n",
		"~~gone~~ and ~kept~ but ~~~not~~~ and a~~b~~c\n",
		"~~open only\n\n| x |\n|-:|\n|~~y~~|\n",
		"| a |\t\n|\t---\t|\r\n| b |\r\n",
		"|-|-|\n|-|-|\n",
		"text\n---\n| h |\n| - |\n",
	}
	for _, src := range tests {
		got, want := tree([]byte(src), ours()), tree([]byte(src), theirs())
		if got != want {
			t.Errorf("%q:\ngot\n%s\nwant (goldmark's extension)\n%s", src, got, want)
		}
	}
}

func FuzzSameTreesAsGoldmark(f *testing.F) {
	f.Add("| a | b |\n|---|:-:|\n| `1 \\| 2` | ~~3~~ |\n")
	f.Add(":-|-:\n--|\n")
	f.Fuzz(func(t *testing.T, src string) {
		got, want := tree([]byte(src), ours()), tree([]byte(src), theirs())
		if got != want {
			t.Errorf("%q:\ngot\n%s\nwant (goldmark's extension)\n%s", src, got, want)
		}
	})
}

// The expressions goldmark's table extension matched each delimiter
// column with, in its order.
var delimREs = []struct {
	re *regexp.Regexp
	a  ast.Alignment
}{
	{regexp.MustCompile(`^\s*\:\-+\s*$`), ast.AlignLeft},
	{regexp.MustCompile(`^\s*\-+\:\s*$`), ast.AlignRight},
	{regexp.MustCompile(`^\s*\:\-+\:\s*$`), ast.AlignCenter},
	{regexp.MustCompile(`^\s*\-+\s*$`), ast.AlignNone},
}

func byRE(col []byte) (ast.Alignment, bool) {
	for _, d := range delimREs {
		if d.re.Match(col) {
			return d.a, true
		}
	}
	return ast.AlignNone, false
}

func TestDelimAlignment(t *testing.T) {
	tests := []struct {
		col  string
		want ast.Alignment
		ok   bool
	}{
		{"---", ast.AlignNone, true},
		{" :-- ", ast.AlignLeft, true},
		{"--:\n", ast.AlignRight, true},
		{"\t:-:\f", ast.AlignCenter, true},
		{":", ast.AlignNone, false},
		{"::", ast.AlignNone, false},
		{": -", ast.AlignNone, false},
		{"-:-", ast.AlignNone, false},
		{"-\v", ast.AlignNone, false},
		{"", ast.AlignNone, false},
	}
	for _, tt := range tests {
		a, ok := delimAlignment([]byte(tt.col))
		if a != tt.want || ok != tt.ok {
			t.Errorf("delimAlignment(%q) = %v, %v; want %v, %v", tt.col, a, ok, tt.want, tt.ok)
		}
		if ra, rok := byRE([]byte(tt.col)); ra != a || rok != ok {
			t.Errorf("delimAlignment(%q) = %v, %v; the expressions said %v, %v", tt.col, a, ok, ra, rok)
		}
	}
}

func FuzzDelimAlignment(f *testing.F) {
	f.Add(" :--: ")
	f.Fuzz(func(t *testing.T, col string) {
		a, ok := delimAlignment([]byte(col))
		if ra, rok := byRE([]byte(col)); ra != a || rok != ok {
			t.Errorf("delimAlignment(%q) = %v, %v; the expressions said %v, %v", col, a, ok, ra, rok)
		}
	})
}

// TestCellBudget: tables are made while the budget holds their cells, and
// a table past it is an OversizeTable of its lines, the paragraph's lines
// above it kept as a paragraph.
func TestCellBudget(t *testing.T) {
	budget := &CellBudget{}
	p := parser.NewParser(append([]parser.Option{
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	}, ParserOptions(budget)...)...)
	src := []byte("| pier | boats |\n| --- | --- |\n| north | 3 |\n\nThe timetable:\n| a | b | c |\n| - | - | - |\n| 1 | 2 | 3 |\n| 4 | 5 | 6 |\n")
	budget.Cells = 4 + 8 // the first table's four cells, and fewer than the second's nine
	var kinds []string
	var over *OversizeTable
	_ = gast.Walk(p.Parse(text.NewReader(src)), func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering && n.Parent() != nil && n.Parent().Kind() == gast.KindDocument {
			kinds = append(kinds, n.Kind().String())
			if o, ok := n.(*OversizeTable); ok {
				over = o
			}
		}
		return gast.WalkContinue, nil
	})
	if got := strings.Join(kinds, " "); got != "Table Paragraph OversizeTable" {
		t.Fatalf("blocks %s, want Table Paragraph OversizeTable", got)
	}
	first := over.Lines().At(0)
	if over.Cells != 9 || over.Lines().Len() != 4 || string(first.Value(src)) != "| a | b | c |\n" {
		t.Fatalf("oversize table of %d cells and %d lines, first %q", over.Cells, over.Lines().Len(), first.Value(src))
	}
	if budget.Cells != 8 {
		t.Fatalf("budget left %d, want 8 (the first table's cells taken)", budget.Cells)
	}
}
