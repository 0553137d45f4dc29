package parse

import (
	"bytes"
	"html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/dates"
	"github.com/copydesk/copydesk/document"
	xhtml "golang.org/x/net/html"
)

// HTML is read in place with golang.org/x/net/html's tokenizer: every
// token's raw bytes follow the last, so each text node keeps its exact
// position in the source. Text nodes are prose (entity references in them
// are markup: protected, and tokens of their own); tags, attributes,
// comments and the text of code-like and non-rendered elements are not.

// htmlSkip are the elements whose text is not prose: code, scripts, form
// controls, and navigation menus.
func htmlSkip(name string) bool {
	switch name {
	case "script", "style", "pre", "code", "kbd", "samp", "var", "textarea", "template",
		"svg", "math", "noscript", "select", "nav", "head", "iframe", "object", "button":
		return true
	}
	return false
}

// htmlBlockKind says whether an element starts a block of its own, and of
// which kind.
func htmlBlockKind(name string) (document.BlockKind, int, bool) {
	switch name {
	case "p", "div", "section", "article", "main", "header", "footer", "aside", "figure",
		"figcaption", "table", "tr", "ul", "ol", "dl", "form", "details", "summary",
		"center", "address", "fieldset", "legend", "caption", "hr", "br", "body", "html":
		return document.KindParagraph, 0, true
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return document.KindHeading, int(name[1] - '0'), true
	case "li", "dd", "dt":
		return document.KindListItem, 0, true
	case "td", "th":
		return document.KindTableCell, 0, true
	case "blockquote":
		return document.KindQuote, 0, true
	}
	return 0, 0, false
}

func htmlVoid(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

// htmlReader turns the text nodes of an HTML source range into blocks.
type htmlReader struct {
	doc   *document.Document
	plan  *tokenPlan // nil: tokens made at once
	segs  []inlineSeg
	kind  document.BlockKind
	level int
	skip  int // depth inside elements whose text is not prose
	// quote and item count open blockquote and li elements, so that a
	// paragraph inside them keeps their kind.
	quote, item int
	cut         bool // an image or a skipped element stood before the next text
	// page is set for an .html article: head fields, links and nav.
	page      bool
	inTitle   bool
	titleSeg  []inlineSeg
	h1        int  // index of the first h1 block, -1 before
	navAnchor bool // inside <a rel=next|prev>: its text is the link's
	navText   []byte
	markup    []markupSpan
	buf       []inlineSeg
}

// readHTML reads src[sp] as HTML and appends its prose blocks to doc;
// markup (template tags in a Markdown page's HTML block) is cut out of
// the text. Its tokens go through plan (see tokenPlan).
func readHTML(doc *document.Document, sp document.Span, page bool, markup []markupSpan, plan *tokenPlan) *htmlReader {
	r := &htmlReader{doc: doc, page: page, h1: -1, markup: markup, plan: plan}
	z := xhtml.NewTokenizer(bytes.NewReader(doc.Src[sp.Start:sp.End]))
	off := sp.Start
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		raw := z.Raw()
		start, end := off, off+len(raw)
		off = end
		switch tt {
		case xhtml.TextToken:
			r.text(start, end)
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			r.open(z, string(name), hasAttr, tt == xhtml.SelfClosingTagToken, start, end)
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			r.close(string(name))
		case xhtml.CommentToken:
			doc.Directives = document.ParseDirectives(doc.Directives, doc.Src, document.Span{Start: start, End: end})
			r.cut = true
		}
		if tt != xhtml.TextToken && end > start {
			doc.Protect(start, end, document.ProtectMarkup)
		}
	}
	r.flush()
	return r
}

func (r *htmlReader) text(start, end int) {
	if r.inTitle {
		r.titleSeg = append(r.titleSeg, inlineSeg{start: start, end: end})
		return
	}
	if r.skip > 0 {
		r.cut = true
		return
	}
	if r.navAnchor {
		r.navText = append(r.navText, r.doc.Src[start:end]...)
	}
	r.segs = append(r.segs, inlineSeg{start: start, end: end, cut: r.cut})
	r.cut = false
}

func (r *htmlReader) open(z *xhtml.Tokenizer, name string, hasAttr, selfClosing bool, start, end int) {
	attrs := map[string]document.Span{}
	if hasAttr {
		r.attrs(z, start, end, attrs)
	}
	if id, ok := attrs["id"]; ok {
		r.doc.Anchors = append(r.doc.Anchors, strings.ToLower(string(r.doc.Text(id))))
	}
	if n, ok := attrs["name"]; ok && name == "a" {
		r.doc.Anchors = append(r.doc.Anchors, strings.ToLower(string(r.doc.Text(n))))
	}
	if r.page {
		r.pageTag(name, attrs)
	}
	if name == "title" && r.page && !selfClosing {
		r.inTitle = true
		return
	}
	if htmlSkip(name) {
		if !selfClosing && !htmlVoid(name) {
			r.skip++
		}
		r.cut = true
		return
	}
	if r.skip > 0 {
		return
	}
	switch name {
	case "img", "input":
		r.cut = true
	case "blockquote":
		r.quote++
	case "li", "dd", "dt":
		r.item++
	}
	if k, level, ok := htmlBlockKind(name); ok {
		r.flush()
		switch {
		case k == document.KindParagraph && r.item > 0:
			k = document.KindListItem
		case k == document.KindParagraph && r.quote > 0:
			k = document.KindQuote
		}
		r.kind, r.level = k, level
	}
}

func (r *htmlReader) close(name string) {
	if name == "title" && r.inTitle {
		r.inTitle = false
		return
	}
	if name == "a" && r.navAnchor {
		r.navAnchor = false
		if n := len(r.doc.Nav); n > 0 {
			r.doc.Nav[n-1].Text = strings.TrimSpace(html.UnescapeString(string(r.navText)))
		}
	}
	if htmlSkip(name) {
		if r.skip > 0 {
			r.skip--
		}
		r.cut = true
		return
	}
	if r.skip > 0 {
		return
	}
	switch name {
	case "blockquote":
		r.quote = max(r.quote-1, 0)
	case "li", "dd", "dt":
		r.item = max(r.item-1, 0)
	}
	if _, _, ok := htmlBlockKind(name); ok {
		r.flush()
		r.kind, r.level = document.KindParagraph, 0
		if r.item > 0 {
			r.kind = document.KindListItem
		} else if r.quote > 0 {
			r.kind = document.KindQuote
		}
	}
}

// attrs finds each attribute value's bytes in the tag's source.
func (r *htmlReader) attrs(z *xhtml.Tokenizer, start, end int, out map[string]document.Span) {
	tag := r.doc.Src[start:end]
	from := 0
	for {
		key, _, more := z.TagAttr()
		k := string(key)
		// The value as written is found after the key and "=": the
		// tokenizer gives it decoded.
		if i := indexFold(tag[from:], key); i >= 0 {
			p := from + i + len(key)
			for p < len(tag) && (tag[p] == ' ' || tag[p] == '\t' || tag[p] == '\n' || tag[p] == '\r') {
				p++
			}
			if p < len(tag) && tag[p] == '=' {
				p++
				for p < len(tag) && (tag[p] == ' ' || tag[p] == '\t' || tag[p] == '\n' || tag[p] == '\r') {
					p++
				}
				vs, ve := p, p
				if p < len(tag) && (tag[p] == '"' || tag[p] == '\'') {
					q := bytes.IndexByte(tag[p+1:], tag[p])
					if q >= 0 {
						vs, ve = p+1, p+1+q
					}
				} else {
					for ve < len(tag) && tag[ve] != ' ' && tag[ve] != '>' && tag[ve] != '\t' && tag[ve] != '\n' {
						ve++
					}
				}
				if _, dup := out[k]; !dup {
					out[k] = document.Span{Start: start + vs, End: start + ve}
				}
				from = ve
			} else if _, dup := out[k]; !dup {
				out[k] = document.Span{Start: start + p, End: start + p}
			}
		}
		if !more {
			return
		}
	}
}

func indexFold(b, key []byte) int {
	for i := 0; i+len(key) <= len(b); i++ {
		if (i == 0 || b[i-1] == ' ' || b[i-1] == '\t' || b[i-1] == '\n' || b[i-1] == '\r' || b[i-1] == '"' || b[i-1] == '\'') && bytes.EqualFold(b[i:i+len(key)], key) {
			return i
		}
	}
	return -1
}

// pageTag reads what an .html article's tags say: links, navigation and
// the publication date.
func (r *htmlReader) pageTag(name string, attrs map[string]document.Span) {
	doc := r.doc
	val := func(k string) string { return html.UnescapeString(string(doc.Text(attrs[k]))) }
	rel := strings.ToLower(val("rel"))
	switch name {
	case "a", "link":
		href, ok := attrs["href"]
		if !ok {
			return
		}
		if dir, isNav := navRel(rel); isNav {
			doc.Nav = append(doc.Nav, document.NavLink{Dir: dir, Label: "rel=" + rel, Target: val("href"), IsPath: true, Span: href})
			if name == "a" {
				r.navAnchor, r.navText = true, r.navText[:0]
			}
		}
		if name == "a" {
			doc.Links = append(doc.Links, document.Link{Dest: val("href"), Span: href})
		}
	case "img":
		if src, ok := attrs["src"]; ok {
			doc.Links = append(doc.Links, document.Link{Dest: val("src"), Span: src, Image: true})
		}
	case "meta":
		prop := strings.ToLower(val("property") + val("name") + val("itemprop"))
		switch prop {
		case "article:published_time", "date", "datepublished", "dc.date", "pubdate":
			if c, ok := attrs["content"]; ok {
				r.setDate("meta "+prop, c)
			}
		}
	case "time":
		if dt, ok := attrs["datetime"]; ok {
			r.setDate("time datetime", dt)
		}
	}
}

func navRel(rel string) (document.NavDir, bool) {
	for _, f := range strings.Fields(rel) {
		switch f {
		case "next":
			return document.NavNext, true
		case "prev", "previous":
			return document.NavPrev, true
		}
	}
	return 0, false
}

// setDate records the first date the page's markup gives.
func (r *htmlReader) setDate(label string, sp document.Span) {
	doc := r.doc
	if doc.Date != nil && doc.Date.Source == document.DateFrontMatter {
		return
	}
	raw := strings.TrimSpace(string(doc.Text(sp)))
	if raw == "" {
		return
	}
	d, err := dates.Parse(raw, dates.OrderUnknown)
	if err != nil && len(raw) > 10 {
		// 2025-03-14T09:30:00+08:00: the date part is what is checked.
		if d2, err2 := dates.Parse(raw[:10], dates.OrderUnknown); err2 == nil {
			d, err = d2, nil
		}
	}
	doc.Date = &document.DateField{Source: document.DateFrontMatter, Label: label, Raw: raw, Span: sp, Parsed: d, ParseErr: err}
}

// flush ends the block being read.
func (r *htmlReader) flush() {
	doc := r.doc
	segs := r.segs
	r.segs = r.segs[:0]
	// Leading and trailing whitespace-only text is not part of the block.
	for len(segs) > 0 && isAllSpace(doc.Src[segs[0].start:segs[0].end]) {
		segs = segs[1:]
	}
	for len(segs) > 0 && isAllSpace(doc.Src[segs[len(segs)-1].start:segs[len(segs)-1].end]) {
		segs = segs[:len(segs)-1]
	}
	if out, cut := cutSegs(segs, r.markup, r.buf[:0]); cut {
		r.buf = out
		segs = out
		for len(segs) > 0 && isAllSpace(doc.Src[segs[0].start:segs[0].end]) {
			segs = segs[1:]
		}
	}
	if len(segs) == 0 {
		return
	}
	segs[0].cut = false
	// Trim the block's own indentation and line breaks at its ends.
	first, last := &segs[0], &segs[len(segs)-1]
	for first.start < first.end && isSpaceByte(doc.Src[first.start]) {
		first.start++
	}
	for last.end > last.start && isSpaceByte(doc.Src[last.end-1]) {
		last.end--
	}
	sp := document.Span{Start: segs[0].start, End: segs[len(segs)-1].end}
	b := document.Block{Kind: r.kind, Role: document.RoleBody, Span: sp, Prose: sp, Level: uint8(r.level)}
	t0 := r.plan.mark(doc)
	emitSegs(doc, r.plan, segs, true)
	if r.page && r.kind == document.KindHeading && r.level == 1 && r.h1 < 0 {
		r.h1 = len(doc.Blocks)
	}
	r.plan.block(doc, b, t0)
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// emitSegs appends the tokens of a block's prose runs: runs separated only
// by whitespace are read as one; between others stands a Gap (content was
// cut) or a Markup token (syntax only). In HTML, entity references are
// markup tokens of their own; in Markdown they stay in the text. Both are
// protected from safe fixes.
func emitSegs(doc *document.Document, plan *tokenPlan, segs []inlineSeg, isHTML bool) {
	src := doc.Src
	runStart, runEnd := -1, -1
	for _, s := range segs {
		if runStart >= 0 {
			gap := src[runEnd:s.start]
			if !s.cut && isAllSpace(gap) {
				runEnd = s.end
				continue
			}
			emitRun(doc, plan, runStart, runEnd, isHTML)
			kindTok, fl := document.TokMarkup, document.TokenFlags(0)
			if s.cut {
				kindTok = document.TokGap
			} else if hasSpace(gap) {
				fl = document.FlagHasSpace
			}
			plan.token(doc, runEnd, s.start, kindTok, fl)
		}
		runStart, runEnd = s.start, s.end
	}
	if runStart >= 0 {
		emitRun(doc, plan, runStart, runEnd, isHTML)
	}
}

// emitRun tokenizes src[start:end], minding entity references.
func emitRun(doc *document.Document, plan *tokenPlan, start, end int, isHTML bool) {
	src := doc.Src
	from := start
	for i := start; i < end; {
		k := bytes.IndexByte(src[i:end], '&')
		if k < 0 {
			break
		}
		i += k
		e, r := entityRef(src, i, end)
		if e < 0 {
			i++
			continue
		}
		doc.Protect(i, e, document.ProtectEntity)
		if isHTML {
			plan.tokenize(doc, from, i)
			var fl document.TokenFlags
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
				fl = document.FlagHasSpace
			}
			plan.token(doc, i, e, document.TokMarkup, fl)
			from = e
		}
		i = e
	}
	plan.tokenize(doc, from, end)
}

// entityRef reads a character reference at src[i] ('&'): &name;, &#123;
// or &#x1F; standing for a character. It returns its end and the first
// character it stands for, or -1.
func entityRef(src []byte, i, limit int) (int, rune) {
	j := i + 1
	for j < limit && j-i < 40 && (isWordASCII(src[j]) || j == i+1 && src[j] == '#') {
		j++
	}
	if j >= limit || src[j] != ';' || j == i+1 {
		return -1, 0
	}
	ref := string(src[i : j+1])
	s := html.UnescapeString(ref)
	if s == ref || s == "" || strings.HasSuffix(s, ";") && ref != "&semi;" {
		return -1, 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	return j + 1, r
}

// parseHTML reads an .html or .htm article: prose from the body's text
// nodes, the title from the first <h1> (else <title>), the date from
// <time datetime>, <meta> or a date line, navigation from rel=next/prev
// or scraped [next]: lines.
func parseHTML(doc *document.Document) {
	r := readHTML(doc, document.Span{Start: doc.BOM(), End: len(doc.Src)}, true, nil, nil)
	// The page's whole source but its prose is markup: rules that read
	// lines (trailing whitespace, blank lines) keep off it.
	prev := 0
	for _, b := range doc.Blocks {
		if b.Start > prev {
			doc.Verbatim = append(doc.Verbatim, document.Span{Start: prev, End: b.Start})
		}
		prev = max(prev, b.End)
	}
	if prev < len(doc.Src) {
		doc.Verbatim = append(doc.Verbatim, document.Span{Start: prev, End: len(doc.Src)})
	}
	if len(r.titleSeg) > 0 {
		sp := document.Span{Start: r.titleSeg[0].start, End: r.titleSeg[len(r.titleSeg)-1].end}
		sp = trimSpan(doc.Src, sp)
		if sp.End > sp.Start {
			doc.FlushTokens() // between blocks
			t0 := doc.TokenCount()
			emitRun(doc, nil, sp.Start, sp.End, true)
			doc.Blocks = append(doc.Blocks, document.Block{Kind: document.KindField, Role: document.RoleTitle, Span: sp, Prose: sp, Tok0: t0, Tok1: doc.TokenCount()})
			doc.Title = strings.TrimSpace(html.UnescapeString(string(doc.Text(sp))))
			doc.TitleSpan = sp
		}
	}
	if r.h1 >= 0 {
		b := &doc.Blocks[r.h1]
		b.Role = document.RoleTitle
		doc.Title = strings.TrimSpace(html.UnescapeString(string(doc.Text(b.Prose))))
		doc.TitleSpan = b.Prose
	}
	// Scraped pages keep a date line and [next]: lines as text.
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if b.Kind == document.KindField || b.Role != document.RoleBody || bytes.IndexByte(doc.Text(b.Prose), '\n') >= 0 {
			continue
		}
		if nl, ok := navLine(doc.Src, b.Prose); ok {
			b.Role = document.RoleNavigation
			doc.Nav = append(doc.Nav, nl)
			continue
		}
		if doc.Date == nil && b.Prose.Len() <= maxDateLine {
			if df, ok := dateLine(doc.Src, b.Prose); ok && df.ParseErr == nil {
				b.Role = document.RoleDate
				doc.Date = df
			}
		}
	}
	sortBlocks(doc)
}

func sortBlocks(doc *document.Document) {
	sort.Slice(doc.Verbatim, func(i, j int) bool { return doc.Verbatim[i].Start < doc.Verbatim[j].Start })
	sort.SliceStable(doc.Blocks, func(i, j int) bool { return doc.Blocks[i].Start < doc.Blocks[j].Start })
}
