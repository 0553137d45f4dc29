package parse

import (
	"bytes"
	"cmp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/internal/gfm"
	"github.com/copydesk/copydesk/internal/mdx"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// markdown returns the goldmark parser for a Markdown or an MDX body (MDX
// has no indented code blocks), built on first use: goldmark parsers keep
// per-parse state, so one is not shared between parallel parses, and
// building one is most of a small file's allocations. Tables and
// strikethrough come from internal/gfm, not goldmark's extension package,
// whose initialisation would cost every run 2,049 allocations.
func (p *Parser) markdown(isMDX bool) parser.Parser {
	if isMDX {
		if p.mdx == nil {
			p.mdx = mdx.NewParser(gfm.ParserOptions(&p.cells)...)
		}
		return p.mdx
	}
	if p.md == nil {
		p.md = parser.NewParser(append([]parser.Option{
			parser.WithBlockParsers(parser.DefaultBlockParsers()...),
			parser.WithInlineParsers(parser.DefaultInlineParsers()...),
			parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		}, gfm.ParserOptions(&p.cells)...)...)
	}
	return p.md
}

// parseMarkdown reads front matter, then the body with goldmark. Rules see
// prose only: code, raw HTML, URLs and link destinations are cut out.
func parseMarkdown(doc *document.Document, gp *Parser) {
	bodyStart := doc.BOM()
	if whole, inner, delim, ok := frontMatter(doc.Src, doc.BOM()); ok {
		bodyStart = whole.End
		title, desc := parseFrontMatter(doc, whole, inner, delim)
		for _, f := range []struct {
			field fmField
			role  document.Role
		}{{title, document.RoleTitle}, {desc, document.RoleDescription}} {
			if f.field.span.End > f.field.span.Start {
				t0 := doc.TokenCount()
				doc.AddTokens(f.field.span.Start, f.field.span.End)
				doc.Blocks = append(doc.Blocks, document.Block{Kind: document.KindField, Role: f.role, Span: f.field.span, Prose: f.field.span, Tok0: t0, Tok1: doc.TokenCount()})
			}
		}
	}
	body := doc.Src[bodyStart:]
	isMDXBody := isMDX(doc.Path)
	var markup []markupSpan
	if hasMarkupLead(body, isMDXBody) {
		markup = scanMarkup(doc.Src, bodyStart, isMDXBody)
	}
	if len(markup) > 0 {
		body = maskMarkup(body, bodyStart, markup)
		for _, m := range markup {
			if m.code {
				doc.Verbatim = append(doc.Verbatim, m.Span)
				doc.Blocks = append(doc.Blocks, document.Block{Kind: document.KindCode, Role: document.RoleNone, Span: m.Span, Prose: document.Span{Start: m.Start, End: m.Start}, Tok0: doc.TokenCount(), Tok1: doc.TokenCount()})
				continue
			}
			if t := containerTitle(doc.Src, m.Span); m.container && t.End > t.Start {
				// The title is prose, shown as the box's heading, and is
				// checked; but it is on the line the generator reads, so
				// a fix there is for a person to make.
				doc.Protect(m.Start, t.Start, document.ProtectMarkup)
				doc.Protect(t.Start, t.End, document.ProtectTitle)
				if t.End < m.End {
					doc.Protect(t.End, m.End, document.ProtectMarkup)
				}
				continue
			}
			doc.Protect(m.Start, m.End, document.ProtectMarkup)
			if isMDXBody && bytes.HasPrefix(doc.Src[m.Start:m.End], []byte("{/*")) {
				doc.Directives = parseMDXDirective(doc.Directives, doc.Src, m.Span)
			}
		}
	}
	ends := []int{len(body)}
	if gp.PiecesFrom > 0 && len(body) >= gp.PiecesFrom && !isMDXBody {
		ends = markdownPieces(body, cmp.Or(gp.PieceSize, pieceSize))
	}
	var plan *tokenPlan
	if gp.PlanFrom > 0 && len(doc.Src) >= gp.PlanFrom {
		plan = &gp.plan
		plan.ops, plan.blocks = plan.ops[:0], plan.blocks[:0] // even after a parse that panicked
	}
	w := mdWalker{doc: doc, plan: plan, markup: markup}
	md := gp.markdown(isMDXBody)
	gp.cells.Cells = cmp.Or(gp.tableCells, maxTableCells)
	for k, lo := 0, 0; k < len(ends); k++ {
		if len(doc.Blocks) >= cmp.Or(gp.blockBudget, maxBlocks) {
			restAsMarkup(doc, bodyStart+lo)
			break
		}
		hi := ends[k]
		root := md.Parse(text.NewReader(body[lo:hi]))
		if hi < len(body) && openAtEnd(root) {
			// The scan misread a block going on past the cut: the rest
			// is read whole, as it would have been.
			hi, k = len(body), len(ends)
			root = md.Parse(text.NewReader(body[lo:hi]))
		}
		w.base, w.body = bodyStart+lo, body[lo:hi]
		_ = ast.Walk(root, w.visit)
		lo = hi
	}
	w.containerTitles(len(doc.Src))
	if plan != nil {
		// the tree is garbage from here (no later use keeps it live): what
		// the walk took of it is in doc and the plan.
		if gp.TreeDone != nil {
			gp.TreeDone()
		}
		plan.make(doc)
	}
	sort.Slice(doc.Verbatim, func(i, j int) bool { return doc.Verbatim[i].Start < doc.Verbatim[j].Start })
	sort.SliceStable(doc.Blocks, func(i, j int) bool { return doc.Blocks[i].Start < doc.Blocks[j].Start })
}

type mdWalker struct {
	doc  *document.Document
	plan *tokenPlan
	base int // offset of body in doc.Src
	body []byte
	segs []inlineSeg
	// codeDepth counts open inline <code>, <kbd>, <samp> and <var> tags:
	// text inside them is code, cut out like a code span.
	codeDepth int
	// linkFrom and blockEnd bound the search for a link destination's
	// bytes: goldmark keeps the destination but not where it was written.
	linkFrom, blockEnd int
	// slugs counts heading slugs already used, for GitHub's -1, -2 suffixes.
	slugs map[string]int
	// markup is the site-generator syntax masked in body, in source order.
	markup  []markupSpan
	segsBuf []inlineSeg
	// nextTitle is the first markup span containerTitles has not seen.
	nextTitle int
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
	if w.nextTitle < len(w.markup) {
		if lines := n.Lines(); lines != nil && lines.Len() > 0 {
			w.containerTitles(w.base + lines.At(0).Start)
		} else if _, ok := n.(*ast.ThematicBreak); ok {
			w.containerTitles(w.base + n.Pos())
		}
	}
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		kind := document.KindParagraph
		for p := n.Parent(); p != nil; p = p.Parent() {
			if _, ok := p.(*ast.ListItem); ok {
				kind = document.KindListItem
				break
			}
			if _, ok := p.(*ast.Blockquote); ok {
				kind = document.KindQuote
			}
		}
		w.inlineBlock(n, kind, 0)
		return ast.WalkSkipChildren, nil
	case *ast.Heading:
		w.inlineBlock(n, document.KindHeading, n.Level)
		return ast.WalkSkipChildren, nil
	case *east.TableCell:
		w.inlineBlock(n, document.KindTableCell, 0)
		return ast.WalkSkipChildren, nil
	case *gfm.OversizeTable:
		// past the document's budget of cells: markup, as code is
		w.verbatim(n, document.KindTableCell, false)
		return ast.WalkSkipChildren, nil
	case *ast.FencedCodeBlock:
		w.verbatim(n, document.KindCode, true)
		return ast.WalkSkipChildren, nil
	case *ast.CodeBlock:
		w.verbatim(n, document.KindCode, false)
		return ast.WalkSkipChildren, nil
	case *ast.HTMLBlock:
		sp := w.verbatim(n, document.KindHTML, false)
		// Its text nodes are prose; directives and anchors are read there.
		readHTML(w.doc, sp, false, w.markup, w.plan)
		return ast.WalkSkipChildren, nil
	case *ast.ThematicBreak:
		start := w.base + n.Pos()
		end := w.lineEnd(start)
		w.doc.Blocks = append(w.doc.Blocks, document.Block{Kind: document.KindSeparator, Role: document.RoleNone, Span: document.Span{Start: start, End: end}, Prose: document.Span{Start: start, End: start}})
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkContinue, nil
}

func (w *mdWalker) lineEnd(off int) int {
	src := w.doc.Src
	off = min(max(off, 0), len(src)) // goldmark's positions count expanded tabs: ">\t  0"
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
	// The line index, not a scan back: each cell of a one-row table of
	// 512 KB scanned back to the row's start (17 s).
	off = min(max(off, 0), len(w.doc.Src))
	return w.doc.LineStart(max(1, w.doc.Line(off)))
}

// verbatim records a block that is never linted, from its first line to its
// last, closing fence included.
func (w *mdWalker) verbatim(n ast.Node, kind document.BlockKind, fenced bool) document.Span {
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
	end = min(max(end, start), len(src))
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
	sp := document.Span{Start: start, End: end}
	w.doc.Verbatim = append(w.doc.Verbatim, sp)
	w.plan.block(w.doc, document.Block{Kind: kind, Role: document.RoleNone, Span: sp, Prose: document.Span{Start: start, End: start}}, w.plan.mark(w.doc))
	return sp
}

// inlineBlock turns a block's visible text into prose ranges and tokens.
func (w *mdWalker) inlineBlock(n ast.Node, kind document.BlockKind, level int) {
	doc := w.doc
	w.segs = w.segs[:0]
	w.codeDepth = 0
	pendingCut := false
	lines := n.Lines()
	w.linkFrom, w.blockEnd = w.base, w.base+len(w.body)
	if lines.Len() > 0 {
		w.linkFrom, w.blockEnd = w.base+lines.At(0).Start, w.base+lines.At(lines.Len()-1).Stop
	}
	w.collect(n, &pendingCut)
	w.cutMarkup()
	if kind == document.KindHeading {
		w.headingAnchors(n)
	}
	var span document.Span
	if lines.Len() > 0 {
		span = document.Span{Start: w.base + lines.At(0).Start, End: w.base + lines.At(lines.Len()-1).Stop}
		for span.End > span.Start && (doc.Src[span.End-1] == '\n' || doc.Src[span.End-1] == '\r') {
			span.End--
		}
	} else if len(w.segs) > 0 {
		span = document.Span{Start: w.segs[0].start, End: w.segs[len(w.segs)-1].end}
	} else {
		return
	}
	span.Start = w.lineStart(span.Start)
	b := document.Block{Kind: kind, Role: document.RoleBody, Span: span, Level: uint8(level)}
	if len(w.segs) > 0 {
		b.Prose = document.Span{Start: w.segs[0].start, End: w.segs[len(w.segs)-1].end}
	} else {
		b.Prose = document.Span{Start: span.Start, End: span.Start}
	}
	src := doc.Src
	t0 := w.plan.mark(doc)
	emitSegs(doc, w.plan, w.segs, false)
	if kind == document.KindHeading && level == 1 && doc.Title == "" {
		b.Role = document.RoleTitle
		doc.Title = string(bytes.TrimSpace(src[b.Prose.Start:b.Prose.End]))
		doc.TitleSpan = b.Prose
	}
	w.plan.block(doc, b, t0)
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
				w.doc.Directives = document.ParseDirectives(w.doc.Directives, w.doc.Src, document.Span{Start: w.base + seg.Start, End: w.base + seg.Stop})
				w.doc.Protect(w.base+seg.Start, w.base+seg.Stop, document.ProtectDelimiter)
				w.codeDepth += codeTag(w.body[seg.Start:seg.Stop])
				w.doc.Anchors = htmlAnchors(w.doc.Anchors, w.body[seg.Start:seg.Stop])
			}
			w.codeDepth = max(w.codeDepth, 0)
			*pendingCut = true
		case *ast.Image:
			w.link(c, c.Destination, true)
			w.label(c, c.Reference)
			*pendingCut = true
		case *ast.CodeSpan, *ast.AutoLink:
			*pendingCut = true
		case *ast.Link:
			w.link(c, c.Destination, false)
			w.label(c, c.Reference)
			w.linkSyntax(c)
			w.collect(c, pendingCut)
		case *ast.Emphasis, *east.Strikethrough:
			w.element(c)
			w.collect(c, pendingCut)
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
		if len(name) > len(t) && document.HasPrefixFold(name, t) && (name[len(t)] == '>' || name[len(t)] == ' ') {
			return d
		}
	}
	return 0
}

// link records a link or image with the bytes of its destination: searched
// for after the link text, within the block, since goldmark does not keep
// its position. A reference link's destination lies elsewhere; it then
// points at the link text.
func (w *mdWalker) link(n ast.Node, dest []byte, image bool) {
	src := w.doc.Src
	first, last := -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && t.Segment.Stop > t.Segment.Start {
			if first < 0 {
				first = w.base + t.Segment.Start
			}
			last = w.base + t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	from := max(w.linkFrom, last)
	l := document.Link{Dest: string(dest), Image: image}
	if first >= 0 {
		l.Span = document.Span{Start: first, End: last}
	} else {
		l.Span = document.Span{Start: from, End: from}
	}
	if len(dest) > 0 && from <= w.blockEnd && w.blockEnd <= len(src) {
		// Searched in the body goldmark read: masked syntax in a
		// destination ({{< ref >}}) is found there, then read from the source.
		if i := bytes.Index(w.body[from-w.base:w.blockEnd-w.base], dest); i >= 0 {
			l.Span = document.Span{Start: from + i, End: from + i + len(dest)}
			w.linkFrom = l.Span.End
			if bytes.IndexByte(dest, maskByte) >= 0 {
				l.Dest = string(src[l.Span.Start:l.Span.End])
			}
		}
	}
	if strings.IndexByte(l.Dest, maskByte) >= 0 {
		// A reference definition's destination written with a template
		// ({{< param repo >}}/blob/…): read it from the source where it
		// stands, or leave the link out.
		i := bytes.Index(w.body, dest)
		if i < 0 {
			return
		}
		l.Dest = string(src[w.base+i : w.base+i+len(dest)])
	}
	w.doc.Links = append(w.doc.Links, l)
}

// headingAnchors records the fragment names a heading gets: an explicit
// {#id} when written, else the slugs GitHub (also Hugo's default) and
// VitePress derive from its text.
func (w *mdWalker) headingAnchors(n ast.Node) {
	var text []byte
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			for _, b := range w.body[t.Segment.Start:t.Segment.Stop] {
				if b != maskByte {
					text = append(text, b)
				}
			}
		}
		if _, ok := c.(*ast.RawHTML); ok {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	s := string(bytes.TrimSpace(text))
	if i := strings.LastIndex(s, "{#"); i >= 0 && strings.HasSuffix(s, "}") {
		w.doc.Anchors = append(w.doc.Anchors, strings.ToLower(s[i+2:len(s)-1]))
		s = strings.TrimSpace(s[:i])
	}
	if w.slugs == nil {
		w.slugs = map[string]int{}
	}
	gh := GitHubSlug(s)
	if k := w.slugs[gh]; k > 0 {
		w.slugs[gh] = k + 1
		gh += "-" + strconv.Itoa(k)
	} else {
		w.slugs[gh] = 1
	}
	w.doc.Anchors = append(w.doc.Anchors, gh)
	if vp := VitePressSlug(s); vp != gh {
		w.doc.Anchors = append(w.doc.Anchors, vp)
	}
}

// GitHubSlug is a heading's anchor as GitHub and Hugo (its default
// "github" style) make it: lower case, spaces to hyphens, punctuation and
// symbols dropped; letters, digits, marks, '-' and '_' kept.
func GitHubSlug(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// VitePressSlug is a heading's anchor as VitePress (@mdit-vue's slugify)
// makes it: runs of spaces and ASCII punctuation become one hyphen, hyphens
// at the ends are trimmed, a leading digit gets an underscore, lower case.
// (The NFKD step that strips accents is left out: accented headings
// still match through GitHubSlug's form.)
func VitePressSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r < 0x20 {
			continue
		}
		if unicode.IsSpace(r) || strings.ContainsRune("~`!@#$%^&*()-_+=[]{}|\\;:\"'“”‘’<>,.?/", r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		if b.Len() == 0 && r >= '0' && r <= '9' {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// htmlAnchors adds the values of id="…" and name="…" attributes in raw HTML:
// <a id="contact"></a> is a fragment target too.
func htmlAnchors(dst []string, html []byte) []string {
	for _, attr := range []string{" id=", " name="} {
		rest := html
		for {
			i := bytes.Index(rest, []byte(attr))
			if i < 0 {
				break
			}
			rest = rest[i+len(attr):]
			if len(rest) == 0 {
				break
			}
			q := rest[0]
			if q != '"' && q != '\'' {
				continue
			}
			end := bytes.IndexByte(rest[1:], q)
			if end < 0 {
				break
			}
			dst = append(dst, strings.ToLower(string(rest[1:1+end])))
			rest = rest[1+end:]
		}
	}
	return dst
}
