package parse

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"

	"github.com/copydesk/copydesk/document"
)

// FuzzMarkdownPieces: a Markdown body parsed in pieces (of a byte here:
// cut at every place markdownPieces allows) gives the document the whole
// body's parse gives: the same blocks, tokens, links, anchors, protected
// spans and all. A cut inside a block that goes on would show here.
func FuzzMarkdownPieces(f *testing.F) {
	for _, s := range append(append([]string{}, fuzzSeeds...), htmlSeeds...) {
		f.Add(s)
	}
	f.Add(planArticle(5))
	for _, s := range pieceSeeds {
		f.Add(s)
	}
	// in pieces, with the tokens made during each walk and planned
	parsers := []*Parser{{PiecesFrom: 1, PieceSize: 1}, {PiecesFrom: 1, PieceSize: 1, PlanFrom: 1}}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := new(Parser).Parse("a.md", []byte(s), true)
		for _, p := range parsers {
			got, err2 := p.Parse("a.md", []byte(s), true)
			if (err == nil) != (err2 == nil) {
				t.Fatalf("errors differ: %v, in pieces %v", err, err2)
			}
			if err != nil {
				return
			}
			if !reflect.DeepEqual(got.Blocks, want.Blocks) {
				t.Fatalf("blocks differ in pieces:\n%+v\nwhole:\n%+v", got.Blocks, want.Blocks)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("the documents differ beyond blocks:\n%+v\n%+v", got.Summary, want.Summary)
			}
			p.Recycle(got)
		}
	})
}

// pieceSeeds put blocks at the margin where a cut would be wrong: in
// fenced code, in HTML blocks that go on past a blank line, after a fence
// that closed, under list items and quotations, beside link references;
// and loose lists, whose items a blank line does not end.
var pieceSeeds = []string{
	"# One\n\nText.\n\n```\ncode\n\n# not a heading\n```\n\n# Two\n\nMore.\n",
	"# One\n\n~~~~\n\n# in code\n~~~\n\n# still code\n~~~~\n\n# Two\n",
	"# One\n\n<!-- a comment\n\n# in the comment\n-->\n\n# Two\n\nText.\n",
	"# One\n\n<script>\n\n# in the script\n</script>\n\n# Two\n",
	"# One\n\n<pre>\n\n# in pre\n</pre>\n\n# Two\n",
	"# One\n\n<div>\n\n# after a div\n\n</div>\n\n# Two\n",
	"# One\n\n- item\n\n  ```\n  code\n\n# Two\n\n```\nopen\n\n# in code\n```\n\n# Three\n",
	"# One\n\n> quoted\n\n# Two\n\n> ```\n> code\n\n# Three\n",
	"# One\n\n``` a`b\n\n# Two\n\n```\n\n# in code\n```\n",
	"# One\n\nSee [the pier][p].\n\n# Two\n\n[p]: /pier\n",
	"# One\n\nA paragraph\n# Two\n\n    # indented code\n\n# Three\n",
	"# One\n\n<?php\n\n# in\n?>\n\n# Two\n\n<!DOCTYPE x\n\n# Three\n\n<![CDATA[\n\n# in\n]]>\n\n# Four\n",
	strings.Repeat("## Section\n\nThe council met on *Tuesday* and [the ferry](/f) left.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n", 4),
	"- a\n\n- b\n\n1. c\n\n2) d\n\ne\n\n  f\n\n* g\n\n  h\n\n+ i\n",
	"1. one\n\n   two\n\n10. ten\n\n> q\n\n> r\n\n    code\n\n    more\n\ntext\n\n-\n\n*\n\n***\n\n---\nx\n===\n",
	strings.Repeat("a\n\n", 50) + strings.Repeat("- b\n", 20),
	"- a\n- b\n- ---\n* c\n* * *\n* d\n- \n- e\nlazy\n- f\n  more\n- g\n+ h\n",
	"<div>\n- a\n- b\n</div>\n- c\n- d\n\n<ul>\n- e\n- f\n\n```\n- g\n- h\n```\n- i\n- j\ntext\n- k\n- l\n> q\n- m\n- n\n",
	"Text\n2. two\n- a\n- [x](y) and `c`\n- *e*\n- <b>h</b>\n- a\n=\n- b\n---\n",
}

// TestMarkdownPiecesCut shows FuzzMarkdownPieces tests cuts: its seeds are
// cut before blocks at the margin, and not inside code and HTML, nor after
// a fence that closed, nor before a list item or an indented line. A fence in a list item is read as one at the margin, and
// the scan then takes the next opening fence for its close: the cut it
// makes in that code is one openAtEnd finds.
func TestMarkdownPiecesCut(t *testing.T) {
	for _, tc := range []struct {
		body string
		cuts []string // the lines a piece starts with
	}{
		{pieceSeeds[0], []string{"Text.", "```", "More."}},
		{pieceSeeds[1], []string{"~~~~"}},
		{pieceSeeds[2], []string{"<!-- a comment", "# Two", "Text."}},
		{pieceSeeds[3], []string{"<script>", "# Two"}},
		{pieceSeeds[5], []string{"<div>", "# after a div", "</div>", "# Two"}},
		{pieceSeeds[6], []string{"# in code"}},
		{pieceSeeds[7], []string{"> quoted", "# Two", "> ```", "# Three"}},
		{pieceSeeds[9], []string{}},
		{pieceSeeds[10], []string{"A paragraph", "# Three"}},
		{pieceSeeds[11], []string{"<?php", "# Two", "<!DOCTYPE x", "# Four"}},
		{"- a\n\n- b\n\n1. c\n\n2) d\n\ne\n\n  f\n", []string{"e"}},
	} {
		ends := markdownPieces([]byte(tc.body), 1)
		var got []string
		for _, e := range ends[:len(ends)-1] {
			got = append(got, strings.SplitN(tc.body[e:], "\n", 2)[0])
		}
		if strings.Join(got, "|") != strings.Join(tc.cuts, "|") {
			t.Errorf("%q: cut before %q, want %q", tc.body, got, tc.cuts)
		}
	}
}

// TestOpenAtEnd: a piece cut inside a fenced code block or an HTML block
// only its end tag ends is found open; one cut after blocks that ended is
// not.
func TestOpenAtEnd(t *testing.T) {
	for _, tc := range []struct {
		piece string
		open  bool
	}{
		{"# One\n\n- item\n\n  ```\n  code\n\n# Two\n\n```\nopen\n\n", true},
		{"# One\n\n~~~\ncode\n\n", true},
		{"# One\n\n<!-- a\n\n", true},
		{"# One\n\n<pre>\nx\n\n", true},
		{"# One\n\n<pre>\nx\n</pre>\n\n", false},
		{"# One\n\n<div>\nx\n\n", false},
		{"# One\n\n- item\n\n  > quote\n\n", false},
		{"# One\n\nText.\n\n", false},
	} {
		root := new(Parser).markdown(false).Parse(text.NewReader([]byte(tc.piece)))
		if got := openAtEnd(root); got != tc.open {
			t.Errorf("%q: open at its end %v, want %v", tc.piece, got, tc.open)
		}
	}
}

// TestTableCellBudget: a document's tables are read as prose until its
// budget of cells is spent; a table past it is markup (one block with no
// tokens, its span verbatim), and the next document has a budget again.
func TestTableCellBudget(t *testing.T) {
	src := []byte("# Ferries\n\n| pier | boats |\n| --- | --- |\n| north | 3 |\n\nText.\n\n| a | b | c |\n| - | - | - |\n| 1 | 2 | 3 |\n")
	p := &Parser{tableCells: 6}
	for range 2 {
		doc, err := p.Parse("a.md", src, true)
		if err != nil {
			t.Fatal(err)
		}
		cells, over := 0, 0
		for i := range doc.Blocks {
			b := &doc.Blocks[i]
			if b.Kind != document.KindTableCell {
				continue
			}
			if b.Tok1 > b.Tok0 {
				cells++
				continue
			}
			over++
			if got := string(doc.Text(b.Span)); got != "| a | b | c |\n| - | - | - |\n| 1 | 2 | 3 |" || !doc.InVerbatim(b.Start) {
				t.Fatalf("the table past the budget is block %q, verbatim %v", got, doc.InVerbatim(b.Start))
			}
		}
		if cells != 4 || over != 1 {
			t.Fatalf("%d cells read and %d tables past the budget, want 4 and 1", cells, over)
		}
		p.Recycle(doc)
	}
}

// TestBlockBudget: a document is read in blocks up to its budget, and
// the rest is one block of markup, verbatim, as a code block: in plain
// text, and in Markdown read in pieces, the budget checked between them.
func TestBlockBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Ferry notes\n\n")
	for i := range 400 {
		fmt.Fprintf(&b, "Note %d.\n\n", i)
	}
	src := []byte(b.String())
	for _, name := range []string{"a.txt", "a.md"} {
		p := &Parser{blockBudget: 100, PiecesFrom: 1, PieceSize: 1}
		doc, err := p.Parse(name, src, true)
		if err != nil {
			t.Fatal(err)
		}
		last := doc.Blocks[len(doc.Blocks)-1]
		if n := len(doc.Blocks); n < 101 || n > 102 || last.Kind != document.KindCode || last.Tok1 != last.Tok0 {
			t.Fatalf("%s: %d blocks, the last a %s of %d tokens; want the budget's 100 or so, then one of markup", name, n, last.Kind, last.Tok1-last.Tok0)
		}
		if last.End != len(src) || !doc.InVerbatim(last.Start) || !strings.HasPrefix(string(doc.Text(last.Span)), "Note ") {
			t.Fatalf("%s: the markup block is %q, verbatim %v", name, doc.Text(last.Span), doc.InVerbatim(last.Start))
		}
		whole, _ := Parse(name, src)
		if len(whole.Blocks) != 401 {
			t.Fatalf("%s: %d blocks under the default budget, want 401", name, len(whole.Blocks))
		}
	}
}
