// Package mdx configures goldmark to read Markdown as MDX does: MDX has no
// indented code blocks (indentation inside JSX is layout, not code), so
// indented lines continue paragraphs and an indented fence opens and
// closes a fenced code block at any indentation; and it has no HTML
// blocks (a tag is JSX, which does not swallow the lines after it).
package mdx

import (
	"reflect"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// BlockParsers returns goldmark's block parsers as MDX reads blocks.
func BlockParsers() []util.PrioritizedValue {
	indented := reflect.TypeOf(parser.NewCodeBlockParser())
	fenced := reflect.TypeOf(parser.NewFencedCodeBlockParser())
	para := reflect.TypeOf(parser.NewParagraphParser())
	htmlBlock := reflect.TypeOf(parser.NewHTMLBlockParser())
	var out []util.PrioritizedValue
	for _, p := range parser.DefaultBlockParsers() {
		bp := p.Value.(parser.BlockParser)
		switch reflect.TypeOf(bp) {
		case indented, htmlBlock:
			continue
		case fenced:
			bp = fence{bp}
		case para:
			bp = paragraph{bp}
		}
		out = append(out, util.Prioritized(bp, p.Priority))
	}
	return out
}

// NewParser returns a goldmark parser for MDX bodies with the given extra
// options (extensions' paragraph and AST transformers).
func NewParser(opts ...parser.Option) parser.Parser {
	base := []parser.Option{
		parser.WithBlockParsers(BlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	}
	return parser.NewParser(append(base, opts...)...)
}

type paragraph struct{ parser.BlockParser }

func (paragraph) CanAcceptIndentedLine() bool { return true }

var fenceKey = parser.NewContextKey()

type fenceInfo struct {
	char byte
	n    int
}

// fence is goldmark's fenced code parser with MDX's indentation: the
// opening and the closing fence may be indented any amount.
type fence struct{ parser.BlockParser }

func (fence) CanAcceptIndentedLine() bool { return true }

func (f fence) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) {
		return nil, parser.NoChildren
	}
	c := line[pos]
	n := 0
	for pos+n < len(line) && line[pos+n] == c {
		n++
	}
	node, st := f.BlockParser.Open(parent, reader, pc)
	if node != nil {
		pc.Set(fenceKey, &fenceInfo{c, n})
	}
	return node, st
}

func (f fence) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if fi, ok := pc.Get(fenceKey).(*fenceInfo); ok && fi != nil {
		i := 0
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		n := 0
		for i+n < len(line) && line[i+n] == fi.char {
			n++
		}
		if n >= fi.n && util.IsBlank(line[i+n:]) {
			reader.AdvanceToEOL()
			pc.Set(fenceKey, nil)
			return parser.Close
		}
	}
	return f.BlockParser.Continue(node, reader, pc)
}
