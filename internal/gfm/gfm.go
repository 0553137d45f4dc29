// Package gfm gives goldmark's parser the two GitHub Flavored Markdown
// extensions copydesk reads: tables and strikethrough. It is the parsing
// half of goldmark's extension package (v1.8.7, MIT licence, Copyright (c)
// 2019 Yusuke Inuzuka; the licence is in LICENSE-goldmark beside this file),
// ported so that the binary does not link that
// package: its initialisation compiles the regular expressions of every
// extension (linkify's among them), 2,049 allocations and about 2.5 ms at
// the start of every run, whether or not a Markdown file is read. The
// trees it builds are goldmark's own (extension/ast), node for node.
package gfm

import (
	"bytes"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// ParserOptions are the options that add tables and strikethrough to a
// goldmark parser, with the priorities goldmark's extensions give them.
// The parser makes the table cells budget allows (nil: any number); a
// table past it is an OversizeTable.
func ParserOptions(budget *CellBudget) []parser.Option {
	return []parser.Option{
		parser.WithParagraphTransformers(util.Prioritized(tableParagraphTransformer{budget}, 200)),
		parser.WithASTTransformers(util.Prioritized(tableASTTransformer{}, 0)),
		parser.WithInlineParsers(util.Prioritized(strikethroughParser{}, 500)),
	}
}

// A CellBudget is how many more table cells a parser makes: a cell is a
// node of goldmark's and one of its text, about 400 bytes of memory, and
// a cell can be written in two bytes, so a table of tiny cells took about
// 70 times its size (a 5 MB one, 350 MB). Whoever parses sets Cells for
// each document: the tables of one are made until it is spent.
type CellBudget struct{ Cells int }

// An OversizeTable stands for a table of more cells than the budget
// left: its lines, and the number of its cells, with no node for them.
type OversizeTable struct {
	gast.BaseBlock
	Cells int
}

// KindOversizeTable is the kind of an OversizeTable.
var KindOversizeTable = gast.NewNodeKind("OversizeTable")

// Kind implements ast.Node.
func (n *OversizeTable) Kind() gast.NodeKind { return KindOversizeTable }

// Dump implements ast.Node.
func (n *OversizeTable) Dump(source []byte, level int) { gast.DumpHelper(n, source, level, nil, nil) }

// escapedPipeCellListKey is set once, as goldmark's extension does: a
// parse context has room for the keys made before it.
var escapedPipeCellListKey = parser.NewContextKey()

type escapedPipeCell struct {
	Cell        *ast.TableCell
	Pos         []int
	Transformed bool
}

func isTableDelim(bs []byte) bool {
	if w, _ := util.IndentWidth(bs, 0); w > 3 {
		return false
	}
	allSep := true
	for _, b := range bs {
		if b != '-' {
			allSep = false
		}
		if !util.IsSpace(b) && b != '-' && b != '|' && b != ':' {
			return false
		}
	}
	return !allSep
}

// isRESpace is \s in Go's regular expressions: [\t\n\f\r ].
func isRESpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// delimAlignment reads one column of a delimiter row as the expressions
// ^\s*:-+\s*$ (left), ^\s*-+:\s*$ (right), ^\s*:-+:\s*$ (center) and
// ^\s*-+\s*$ (none) did, in that order; ok is false for anything else.
func delimAlignment(col []byte) (a ast.Alignment, ok bool) {
	i, j := 0, len(col)
	for i < j && isRESpace(col[i]) {
		i++
	}
	for j > i && isRESpace(col[j-1]) {
		j--
	}
	c := col[i:j]
	left := len(c) > 0 && c[0] == ':'
	if left {
		c = c[1:]
	}
	right := len(c) > 0 && c[len(c)-1] == ':'
	if right {
		c = c[:len(c)-1]
	}
	if len(c) == 0 {
		return ast.AlignNone, false
	}
	for _, b := range c {
		if b != '-' {
			return ast.AlignNone, false
		}
	}
	switch {
	case left && right:
		return ast.AlignCenter, true
	case left:
		return ast.AlignLeft, true
	case right:
		return ast.AlignRight, true
	}
	return ast.AlignNone, true
}

type tableParagraphTransformer struct{ budget *CellBudget }

func (b tableParagraphTransformer) Transform(node *gast.Paragraph, reader text.Reader, pc parser.Context) {
	ppos := node.Pos()
	lines := node.Lines()
	if lines.Len() < 2 {
		return
	}
	for i := 1; i < lines.Len(); i++ {
		alignments := b.parseDelimiter(lines.At(i), reader)
		if alignments == nil {
			continue
		}
		// The header and each row below have a cell a column.
		if cells := len(alignments) * (lines.Len() - i); b.budget != nil && cells > b.budget.Cells {
			b.oversize(node, i, cells)
			return
		} else if b.budget != nil {
			b.budget.Cells -= cells
		}
		header := b.parseRow(lines.At(i-1), alignments, true, reader, pc)
		if header == nil || len(alignments) != header.ChildCount() {
			return
		}
		table := ast.NewTable()
		table.Alignments = alignments
		table.SetPos(ppos)
		table.AppendChild(table, ast.NewTableHeader(header))
		for j := i + 1; j < lines.Len(); j++ {
			table.AppendChild(table, b.parseRow(lines.At(j), alignments, false, reader, pc))
		}
		replaceFrom(node, i-1, table)
	}
}

// replaceFrom puts n in place of node's lines from k on: node keeps the
// lines before, or goes when there are none.
func replaceFrom(node *gast.Paragraph, k int, n gast.Node) {
	node.Lines().SetSliced(0, k)
	node.Parent().InsertAfter(node.Parent(), node, n)
	if node.Lines().Len() == 0 {
		node.Parent().RemoveChild(node.Parent(), node)
	} else {
		last := node.Lines().At(k - 1)
		last.Stop-- // trim the last newline
		node.Lines().Set(k-1, last)
	}
}

// oversize puts an OversizeTable of the lines from i-1 on, the header
// row's, in place of the table they would make, the paragraph's lines
// before staying a paragraph, as Transform leaves them.
func (b tableParagraphTransformer) oversize(node *gast.Paragraph, i, cells int) {
	lines := node.Lines()
	t := &OversizeTable{Cells: cells}
	t.SetPos(lines.At(i - 1).Start)
	for j := i - 1; j < lines.Len(); j++ {
		t.Lines().Append(lines.At(j))
	}
	replaceFrom(node, i-1, t)
}

func (b tableParagraphTransformer) parseRow(segment text.Segment,
	alignments []ast.Alignment, isHeader bool, reader text.Reader, pc parser.Context) *ast.TableRow {
	npos := segment
	source := reader.Source()
	segment = segment.TrimLeftSpace(source)
	segment = segment.TrimRightSpace(source)
	line := segment.Value(source)
	pos := 0
	limit := len(line)
	row := ast.NewTableRow(alignments)
	row.SetPos(npos.Start)
	if len(line) > 0 && line[pos] == '|' {
		pos++
	}
	if len(line) > 0 && line[limit-1] == '|' {
		limit--
	}
	i := 0
	for ; pos < limit; i++ {
		alignment := ast.AlignNone
		if i >= len(alignments) {
			if !isHeader {
				return row
			}
		} else {
			alignment = alignments[i]
		}

		var escapedCell *escapedPipeCell
		node := ast.NewTableCell()
		node.SetPos(npos.Start + pos - npos.Padding)
		node.Alignment = alignment
		hasBacktick := false
		closure := pos
		for ; closure < limit; closure++ {
			if line[closure] == '`' {
				hasBacktick = true
			}
			if line[closure] == '|' {
				if closure == 0 || line[closure-1] != '\\' {
					break
				} else if hasBacktick {
					if escapedCell == nil {
						escapedCell = &escapedPipeCell{node, []int{}, false}
						escapedList := pc.ComputeIfAbsent(escapedPipeCellListKey,
							func() any {
								return []*escapedPipeCell{}
							}).([]*escapedPipeCell)
						escapedList = append(escapedList, escapedCell)
						pc.Set(escapedPipeCellListKey, escapedList)
					}
					escapedCell.Pos = append(escapedCell.Pos, segment.Start+closure-1)
				}
			}
		}
		seg := text.NewSegment(segment.Start+pos, segment.Start+closure)
		seg = seg.TrimLeftSpace(source)
		seg = seg.TrimRightSpace(source)
		node.Lines().Append(seg)
		row.AppendChild(row, node)
		pos = closure + 1
	}
	for ; i < len(alignments); i++ {
		row.AppendChild(row, ast.NewTableCell())
	}
	return row
}

func (b tableParagraphTransformer) parseDelimiter(segment text.Segment, reader text.Reader) []ast.Alignment {
	line := segment.Value(reader.Source())
	if !isTableDelim(line) {
		return nil
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}

	var alignments []ast.Alignment
	for _, col := range cols {
		a, ok := delimAlignment(col)
		if !ok {
			return nil
		}
		alignments = append(alignments, a)
	}
	return alignments
}

type tableASTTransformer struct{}

func (a tableASTTransformer) Transform(node *gast.Document, reader text.Reader, pc parser.Context) {
	lst := pc.Get(escapedPipeCellListKey)
	if lst == nil {
		return
	}
	pc.Set(escapedPipeCellListKey, nil)
	for _, v := range lst.([]*escapedPipeCell) {
		if v.Transformed {
			continue
		}
		_ = gast.Walk(v.Cell, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
			if !entering || n.Kind() != gast.KindCodeSpan {
				return gast.WalkContinue, nil
			}

			for c := n.FirstChild(); c != nil; {
				next := c.NextSibling()
				if c.Kind() != gast.KindText {
					c = next
					continue
				}
				parent := c.Parent()
				ts := &c.(*gast.Text).Segment
				n := c
				for _, v := range lst.([]*escapedPipeCell) {
					for _, pos := range v.Pos {
						if ts.Start <= pos && pos < ts.Stop {
							segment := n.(*gast.Text).Segment
							n1 := gast.NewRawTextSegment(segment.WithStop(pos))
							n2 := gast.NewRawTextSegment(segment.WithStart(pos + 1))
							parent.InsertAfter(parent, n, n1)
							parent.InsertAfter(parent, n1, n2)
							parent.RemoveChild(parent, n)
							n = n2
							v.Transformed = true
						}
					}
				}
				c = next
			}
			return gast.WalkContinue, nil
		})
	}
}

type strikethroughDelimiterProcessor struct{}

func (strikethroughDelimiterProcessor) IsDelimiter(b byte) bool { return b == '~' }

func (strikethroughDelimiterProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (strikethroughDelimiterProcessor) OnMatch(int) gast.Node { return ast.NewStrikethrough() }

type strikethroughParser struct{}

func (strikethroughParser) Trigger() []byte { return []byte{'~'} }

func (strikethroughParser) Parse(_ gast.Node, block text.Reader, pc parser.Context) gast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	node := parser.ScanDelimiter(line, before, 1, strikethroughDelimiterProcessor{})
	if node == nil || node.OriginalLength > 2 || before == '~' {
		return nil
	}

	node.Segment = segment.WithStop(segment.Start + node.OriginalLength)
	block.Advance(node.OriginalLength)
	pc.PushDelimiter(node)
	return node
}

func (strikethroughParser) CloseBlock(gast.Node, parser.Context) {}
