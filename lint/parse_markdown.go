package lint

import (
	"bytes"
	"sort"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// goldmark parsers keep per-parse state; a pool lets parallel workers
// reuse them instead of building one per file.
var mdParsers = sync.Pool{New: func() any {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()
}}

// parseMarkdown reads front matter, then the body with goldmark. Rules see
// prose only: code, raw HTML, URLs and link destinations are cut out.
func parseMarkdown(doc *Document) {
	bodyStart := doc.bom
	if whole, inner, delim, ok := frontMatter(doc.Src, doc.bom); ok {
		bodyStart = whole.End
		title, desc := doc.parseFrontMatter(whole, inner, delim)
		for _, f := range []struct {
			field fmField
			role  Role
		}{{title, RoleTitle}, {desc, RoleDescription}} {
			if f.field.span.End > f.field.span.Start {
				t0 := int32(len(doc.Tokens))
				doc.Tokens = Tokenize(doc.Tokens, doc.Src, f.field.span.Start, f.field.span.End)
				doc.Blocks = append(doc.Blocks, Block{Kind: KindField, Role: f.role, Span: f.field.span, Prose: f.field.span, Tok0: t0, Tok1: int32(len(doc.Tokens))})
			}
		}
	}
	body := doc.Src[bodyStart:]
	p := mdParsers.Get().(parser.Parser)
	root := p.Parse(text.NewReader(body))
	mdParsers.Put(p)
	w := mdWalker{doc: doc, base: bodyStart, body: body}
	_ = ast.Walk(root, w.visit)
	sort.Slice(doc.Verbatim, func(i, j int) bool { return doc.Verbatim[i].Start < doc.Verbatim[j].Start })
	sort.SliceStable(doc.Blocks, func(i, j int) bool { return doc.Blocks[i].Start < doc.Blocks[j].Start })
}

type mdWalker struct {
	doc  *Document
	base int // offset of body in doc.Src
	body []byte
	segs []inlineSeg
	// codeDepth counts open inline <code>, <kbd>, <samp> and <var> tags:
	// text inside them is code, cut out like a code span.
	codeDepth int
}

// inlineSeg is a run of visible prose; cut is set when code, raw HTML, an
// autolink or an image was removed just before it.
type inlineSeg struct {
	start, end int
	cut        bool
}

func (w *mdWalker) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		kind := KindParagraph
		for p := n.Parent(); p != nil; p = p.Parent() {
			if _, ok := p.(*ast.ListItem); ok {
				kind = KindListItem
				break
			}
			if _, ok := p.(*ast.Blockquote); ok {
				kind = KindQuote
			}
		}
		w.inlineBlock(n, kind, 0)
		return ast.WalkSkipChildren, nil
	case *ast.Heading:
		w.inlineBlock(n, KindHeading, n.Level)
		return ast.WalkSkipChildren, nil
	case *east.TableCell:
		w.inlineBlock(n, KindTableCell, 0)
		return ast.WalkSkipChildren, nil
	case *ast.FencedCodeBlock:
		w.verbatim(n, KindCode, true)
		return ast.WalkSkipChildren, nil
	case *ast.CodeBlock:
		w.verbatim(n, KindCode, false)
		return ast.WalkSkipChildren, nil
	case *ast.HTMLBlock:
		sp := w.verbatim(n, KindHTML, false)
		w.doc.Directives = parseDirectives(w.doc.Directives, w.doc.Src, sp)
		return ast.WalkSkipChildren, nil
	case *ast.ThematicBreak:
		start := w.base + n.Pos()
		end := w.lineEnd(start)
		w.doc.Blocks = append(w.doc.Blocks, Block{Kind: KindSeparator, Role: RoleNone, Span: Span{start, end}, Prose: Span{start, start}})
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkContinue, nil
}

func (w *mdWalker) lineEnd(off int) int {
	src := w.doc.Src
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return len(src)
	}
	end := off + i
	if end > off && src[end-1] == '\r' {
		end--
	}
	return end
}

func (w *mdWalker) lineStart(off int) int {
	return bytes.LastIndexByte(w.doc.Src[:off], '\n') + 1
}

// verbatim records a block that is never linted, from its first line to its
// last, closing fence included.
func (w *mdWalker) verbatim(n ast.Node, kind BlockKind, fenced bool) Span {
	src := w.doc.Src
	start := w.base + n.Pos()
	lines := n.Lines()
	end := w.lineEnd(start)
	if lines.Len() > 0 {
		last := lines.At(lines.Len() - 1)
		end = w.base + last.Stop
		if end > 0 && src[end-1] == '\n' {
			end--
		}
		if end > 0 && end <= len(src) && src[end-1] == '\r' {
			end--
		}
		if first := w.base + lines.At(0).Start; first < start {
			start = first
		}
	}
	start = w.lineStart(start)
	if fenced {
		// The closing fence is the line after the content (or after the
		// opening fence when the block is empty), when present.
		next := end
		if next < len(src) {
			if nl := bytes.IndexByte(src[next:], '\n'); nl >= 0 {
				next += nl + 1
				fe := w.lineEnd(next)
				t := bytes.TrimSpace(src[next:fe])
				if bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
					end = fe
				}
			}
		}
	}
	sp := Span{start, end}
	w.doc.Verbatim = append(w.doc.Verbatim, sp)
	w.doc.Blocks = append(w.doc.Blocks, Block{Kind: kind, Role: RoleNone, Span: sp, Prose: Span{start, start}, Tok0: int32(len(w.doc.Tokens)), Tok1: int32(len(w.doc.Tokens))})
	return sp
}

// inlineBlock turns a block's visible text into prose ranges and tokens.
func (w *mdWalker) inlineBlock(n ast.Node, kind BlockKind, level int) {
	doc := w.doc
	w.segs = w.segs[:0]
	w.codeDepth = 0
	pendingCut := false
	w.collect(n, &pendingCut)
	lines := n.Lines()
	var span Span
	if lines.Len() > 0 {
		span = Span{w.base + lines.At(0).Start, w.base + lines.At(lines.Len()-1).Stop}
		for span.End > span.Start && (doc.Src[span.End-1] == '\n' || doc.Src[span.End-1] == '\r') {
			span.End--
		}
	} else if len(w.segs) > 0 {
		span = Span{w.segs[0].start, w.segs[len(w.segs)-1].end}
	} else {
		return
	}
	span.Start = w.lineStart(span.Start)
	b := Block{Kind: kind, Role: RoleBody, Span: span, Level: level, Tok0: int32(len(doc.Tokens))}
	if len(w.segs) > 0 {
		b.Prose = Span{w.segs[0].start, w.segs[len(w.segs)-1].end}
	} else {
		b.Prose = Span{span.Start, span.Start}
	}
	src := doc.Src
	// Merge runs separated only by whitespace into one range; between other
	// runs put a Gap (content was cut) or a Markup token (syntax only).
	runStart := -1
	runEnd := -1
	for _, s := range w.segs {
		if runStart >= 0 {
			gap := src[runEnd:s.start]
			if !s.cut && isAllSpace(gap) {
				runEnd = s.end
				continue
			}
			doc.Tokens = Tokenize(doc.Tokens, src, runStart, runEnd)
			kindTok, fl := TokMarkup, TokenFlags(0)
			if s.cut {
				kindTok = TokGap
			} else if hasSpace(gap) {
				fl = FlagHasSpace
			}
			doc.Tokens = append(doc.Tokens, Token{int32(runEnd), int32(s.start), kindTok, fl})
		}
		runStart, runEnd = s.start, s.end
	}
	if runStart >= 0 {
		doc.Tokens = Tokenize(doc.Tokens, src, runStart, runEnd)
	}
	b.Tok1 = int32(len(doc.Tokens))
	if kind == KindHeading && level == 1 && doc.Title == "" {
		b.Role = RoleTitle
		doc.Title = string(bytes.TrimSpace(src[b.Prose.Start:b.Prose.End]))
		doc.TitleSpan = b.Prose
	}
	doc.Blocks = append(doc.Blocks, b)
}

// collect gathers the Text segments under n in order, skipping code spans,
// raw HTML, autolinks and images, whose removal it records as a cut.
func (w *mdWalker) collect(n ast.Node, pendingCut *bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			if c.Segment.Stop <= c.Segment.Start {
				continue
			}
			if w.codeDepth > 0 {
				*pendingCut = true
				continue
			}
			s := inlineSeg{start: w.base + c.Segment.Start, end: w.base + c.Segment.Stop, cut: *pendingCut}
			*pendingCut = false
			if k := len(w.segs) - 1; k >= 0 && !s.cut && w.segs[k].end == s.start {
				w.segs[k].end = s.end
				continue
			}
			w.segs = append(w.segs, s)
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				w.doc.Directives = parseDirectives(w.doc.Directives, w.doc.Src, Span{w.base + seg.Start, w.base + seg.Stop})
				w.codeDepth += codeTag(w.body[seg.Start:seg.Stop])
			}
			w.codeDepth = max(w.codeDepth, 0)
			*pendingCut = true
		case *ast.CodeSpan, *ast.AutoLink, *ast.Image:
			*pendingCut = true
		default:
			w.collect(c, pendingCut)
		}
	}
}

func isAllSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

func hasSpace(b []byte) bool {
	return bytes.ContainsAny(b, " \t\n")
}

// codeTag returns +1 for an opening inline code tag (<code>, <kbd>, <samp>,
// <var>), -1 for a closing one, 0 otherwise.
func codeTag(tag []byte) int {
	if len(tag) < 4 || tag[0] != '<' {
		return 0
	}
	d := 1
	name := tag[1:]
	if name[0] == '/' {
		d, name = -1, name[1:]
	}
	for _, t := range []string{"code", "kbd", "samp", "var"} {
		if len(name) > len(t) && hasPrefixFold(name, t) && (name[len(t)] == '>' || name[len(t)] == ' ') {
			return d
		}
	}
	return 0
}
