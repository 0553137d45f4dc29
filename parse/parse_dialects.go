package parse

import (
	"bytes"
	"path/filepath"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/document"
	"github.com/yuin/goldmark/ast"
)

// Markdown as content repositories write it carries syntax that site
// generators read before (or instead of) Markdown: VitePress, Starlight and
// Docusaurus containers, Hugo shortcodes, Liquid/Jinja/Nunjucks tags, and
// in MDX the ES module lines, JSX and {expressions}. None of it is prose.
// scanMarkup finds it, outside code, before goldmark reads the body; the
// body goldmark sees has it masked byte for byte (same length, so every
// position still points into the source), and the prose walker cuts it
// out of the text it hands to rules.

// A markupSpan is one piece of site-generator syntax.
type markupSpan struct {
	document.

		// cut: something stood here that is not prose (a shortcode's output,
		// an expression's value), so the words on either side are not
		// neighbours. Otherwise the span is syntax only (a JSX tag), like an
		// emphasis mark.
		Span

	cut bool
	// code: the body of a code-like shortcode or tag (highlight, code,
	// raw, comment); it is read as a code block.
	code bool
	// container: a container line (::: tip Title); its title, if any, is
	// shown as the box's heading, so it is read as a label block.
	container bool
}

// maskByte stands for masked syntax inside a line: not a space (that would
// indent what follows into a code block), not Markdown punctuation.
const maskByte = 0x1A

// maxTag bounds the search for the end of a tag or expression, so that a
// stray "{{" in prose does not swallow a page.
const maxTag = 8 << 10

type markupScanner struct {
	src   []byte
	mdx   bool
	spans []markupSpan
	// tabpanes says, for each open Docsy tabpane, whether its tabs hold code.
	tabpanes []bool
	// clean maps a closer ("}}", "%}") to the offset before which a
	// search for it found none.
	clean map[string]int
}

// scanMarkup finds the site-generator syntax of a Markdown body
// src[start:], outside fenced code and code spans.
func scanMarkup(src []byte, start int, mdx bool) []markupSpan {
	s := markupScanner{src: src, mdx: mdx, clean: map[string]int{}}
	s.scan(start)
	return s.spans
}

// hasMarkupLead is a quick test that a body may hold any such syntax.
func hasMarkupLead(body []byte, mdx bool) bool {
	if mdx {
		return true
	}
	return bytes.Contains(body, []byte(":::")) || bytes.Contains(body, []byte("{{")) ||
		bytes.Contains(body, []byte("{%")) || bytes.Contains(body, []byte("{#")) ||
		bytes.Contains(body, []byte("$$")) || bytes.Contains(body, []byte(`\[`))
}

func (s *markupScanner) add(sp markupSpan) {
	if sp.End > sp.Start {
		s.spans = append(s.spans, sp)
	}
}

// lineEnd returns the end of the line holding i, before "\r\n" or "\n".
func lineEndAt(src []byte, i int) int {
	j := bytes.IndexByte(src[i:], '\n')
	if j < 0 {
		return len(src)
	}
	end := i + j
	if end > i && src[end-1] == '\r' {
		end--
	}
	return end
}

func nextLine(src []byte, i int) int {
	j := bytes.IndexByte(src[i:], '\n')
	if j < 0 {
		return len(src)
	}
	return i + j + 1
}

func blankLine(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

func (s *markupScanner) scan(start int) {
	src := s.src
	var fenceChar byte
	fenceLen := 0
	prevBlank := true
	for ls := start; ls < len(src); {
		le := lineEndAt(src, ls)
		next := nextLine(src, ls)
		// Content starts after indentation and block quote markers.
		j := ls
		for j < le && (src[j] == ' ' || src[j] == '\t' || src[j] == '>') {
			j++
		}
		line := src[j:le]
		if fenceLen > 0 {
			if n := runOf(line, fenceChar); n >= fenceLen && blankLine(line[n:]) {
				fenceLen = 0
			}
			ls, prevBlank = next, false
			continue
		}
		if n := runOf(line, '`'); n >= 3 && bytes.IndexByte(line[n:], '`') < 0 {
			fenceChar, fenceLen = '`', n
			ls, prevBlank = next, false
			continue
		}
		if n := runOf(line, '~'); n >= 3 {
			fenceChar, fenceLen = '~', n
			ls, prevBlank = next, false
			continue
		}
		if end, ok := mathBlock(src, j, le); ok {
			// Display math ($$ … $$, \[ … \]) as KaTeX and MathJax read it:
			// not prose, and kept whole like code.
			s.add(markupSpan{Span: document.Span{Start: j, End: end}, cut: true, code: true})
			ls, prevBlank = nextLine(src, end), false
			continue
		}
		if runOf(line, ':') >= 3 {
			// A container line: ::: tip Title, :::note[Title], :::: nesting.
			end := le
			for end > j && (src[end-1] == ' ' || src[end-1] == '\t') {
				end--
			}
			s.add(markupSpan{Span: document.Span{Start: j, End: end}, container: true})
			ls, prevBlank = next, false
			continue
		}
		if s.mdx && prevBlank && j == ls && (bytes.HasPrefix(line, []byte("import ")) || bytes.HasPrefix(line, []byte("export "))) {
			// An ES module block runs to the next blank line.
			end := le
			for n := next; n < len(src); {
				e := lineEndAt(src, n)
				if blankLine(src[n:e]) {
					break
				}
				end = e
				n = nextLine(src, n)
			}
			s.add(markupSpan{Span: document.Span{Start: ls, End: end}, cut: true})
			ls = nextLine(src, end)
			prevBlank = false
			continue
		}
		ls = s.inline(j, next)
		prevBlank = blankLine(line)
	}
}

// mathBlock reads display math starting at j ($$ or \[), to its closing
// delimiter within the paragraph; it returns the end of the closing line.
func mathBlock(src []byte, j, le int) (int, bool) {
	var closer []byte
	switch {
	case bytes.HasPrefix(src[j:le], []byte("$$")):
		closer = []byte("$$")
	case bytes.HasPrefix(src[j:le], []byte(`\[`)) && blankLine(src[j+2:le]):
		// Alone on its line: "\[1\] a note" is an escaped bracket.
		closer = []byte(`\]`)
	default:
		return 0, false
	}
	from := j + 2
	for ls := j; ls < len(src); {
		e := lineEndAt(src, ls)
		if ls > j && blankLine(src[ls:e]) {
			return 0, false
		}
		if k := bytes.Index(src[max(from, ls):e], closer); k >= 0 {
			return e, true
		}
		ls = nextLine(src, ls)
	}
	return 0, false
}

func runOf(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	return n
}

// inline scans one line from i for template tags, and in MDX for JSX and
// expressions; a tag may run over later lines. It returns where the next
// line to scan starts.
func (s *markupScanner) inline(i, next int) int {
	src := s.src
	for i < next && i < len(src) {
		c := src[i]
		switch {
		case c == '\\':
			i += 2
			continue
		case c == '`':
			n := runOf(src[i:next], '`')
			if k := closingRun(src[i+n:next], n); k >= 0 {
				i += n + k + n
			} else {
				i += n
			}
			continue
		case c == '{' && i+1 < len(src) && (src[i+1] == '{' || src[i+1] == '%' || src[i+1] == '#'):
			if end, ok := s.template(i); ok {
				if end > next {
					next = nextLine(src, end)
				}
				i = end
				continue
			}
		case s.mdx && c == '{':
			if end := braceEnd(src, i); end > i {
				s.add(markupSpan{Span: document.Span{Start: i, End: end}, cut: true})
				if end > next {
					next = nextLine(src, end-1)
				}
				i = end
				continue
			}
		case s.mdx && c == '<':
			if end, name := jsxTagEnd(src, i); end > i {
				if src[i+1] != '/' && isCodeElement(name) && src[end-2] != '/' {
					// <code>, <kbd>, <pre>: the element is code.
					if k := bytes.Index(src[end:min(len(src), end+maxTag)], append([]byte("</"), name...)); k >= 0 {
						if ce, _ := jsxTagEnd(src, end+k); ce > end+k {
							end = ce
						}
					}
					s.add(markupSpan{Span: document.Span{Start: i, End: end}, cut: true})
				} else {
					s.add(markupSpan{Span: document.Span{Start: i, End: end}})
				}
				if end > next {
					next = nextLine(src, end-1)
				}
				i = end
				continue
			}
		}
		i++
	}
	return next
}

// closingRun finds a run of exactly n backticks in b (a code span's end).
func closingRun(b []byte, n int) int {
	for k := 0; k < len(b); {
		if b[k] != '`' {
			k++
			continue
		}
		m := runOf(b[k:], '`')
		if m == n {
			return k
		}
		k += m
	}
	return -1
}

func isCodeElement(name []byte) bool {
	switch string(name) {
	case "code", "kbd", "samp", "var", "pre", "script", "style":
		return true
	}
	return false
}

// template reads a Hugo shortcode ({{< >}}, {{% %}}), a Go or Liquid value
// ({{ }}), a Liquid/Jinja tag ({% %}) or comment ({# #}) at i. A code-like
// shortcode or tag takes its body and closing tag with it.
func (s *markupScanner) template(i int) (int, bool) {
	src := s.src
	var closer string
	switch {
	case bytes.HasPrefix(src[i:], []byte("{{<")):
		closer = ">}}"
	case bytes.HasPrefix(src[i:], []byte("{{%")):
		closer = "%}}"
	case bytes.HasPrefix(src[i:], []byte("{{")):
		closer = "}}"
	case bytes.HasPrefix(src[i:], []byte("{%")):
		closer = "%}"
	default:
		closer = "#}"
	}
	limit := min(len(src), i+maxTag)
	// Where a search for this closer already failed, no closer starts:
	// a run of unclosed "{{" costs one pass, not one per "{{".
	from := max(i+2, s.clean[closer])
	k := bytes.Index(src[from:limit], []byte(closer))
	if k < 0 {
		s.clean[closer] = max(s.clean[closer], limit-len(closer)+1)
		return 0, false
	}
	end := from + k + len(closer)
	if bytes.Contains(src[i:end], []byte("\n\n")) || bytes.Contains(src[i:end], []byte("\n\r\n")) {
		return 0, false // a tag does not run over a blank line; this "{{" is prose
	}
	s.add(markupSpan{Span: document.Span{Start: i, End: end}, cut: true})
	tag := src[i:end]
	name, closing := tagName(tag)
	shortcode := closer == ">}}" || closer == "%}}"
	selfClosing := bytes.HasSuffix(tag, []byte("/>}}")) || bytes.HasSuffix(tag, []byte("/%}}"))
	if shortcode && string(name) == "tabpane" && !selfClosing {
		// Docsy's tabpane: its tabs hold code (highlighted in the tab's
		// language) unless it says text=true.
		if closing {
			if n := len(s.tabpanes); n > 0 {
				s.tabpanes = s.tabpanes[:n-1]
			}
		} else {
			s.tabpanes = append(s.tabpanes, !hasArg(tag, "text=true"))
		}
		return end, true
	}
	if closing || selfClosing {
		return end, true
	}
	code := codeLike(name, closer)
	switch {
	case shortcode && string(name) == "tab" && len(s.tabpanes) > 0:
		// A tab is what its tabpane says ("lang" is then the language of
		// the text, or of the code), unless it says text=true itself.
		code = s.tabpanes[len(s.tabpanes)-1] && !hasArg(tag, "text=true")
	case shortcode && !code:
		// A shortcode that declares a language or code=true holds code.
		code = hasArg(tag, "lang=") || hasArg(tag, "code=true") || hasArg(tag, `code="true"`)
	}
	if !code {
		return end, true
	}
	// The body of a code-like shortcode or tag is code, up to its closing tag.
	var close [][]byte
	switch closer {
	case ">}}", "%}}":
		close = [][]byte{[]byte("{{< /" + string(name)), []byte("{{</" + string(name)), []byte("{{% /" + string(name)), []byte("{{%/" + string(name))}
	case "%}":
		close = [][]byte{[]byte("{% end" + string(name)), []byte("{%- end" + string(name))}
	default:
		return end, true
	}
	body := len(src)
	for _, c := range close {
		for from := end; from < len(src); {
			k := bytes.Index(src[from:], c)
			if k < 0 {
				break
			}
			at := from + k
			// "{{< /tab" must not match "{{< /tabpane".
			if n := at + len(c); n < len(src) && (isWordASCII(src[n]) || src[n] == '-' || src[n] == '_') {
				from = n
				continue
			}
			body = min(body, at)
			break
		}
	}
	if body == len(src) {
		return end, true // no closing tag: the shortcode takes no body
	}
	s.add(markupSpan{Span: document.Span{Start: end, End: body}, cut: true, code: true})
	ce := bytes.Index(src[body:], []byte(closer[len(closer)-2:]))
	if ce < 0 {
		return body, true
	}
	s.add(markupSpan{Span: document.Span{Start: body, End: body + ce + 2}, cut: true})
	return body + ce + 2, true
}

// hasArg: a shortcode's arguments include arg (lang=, code=true).
func hasArg(tag []byte, arg string) bool {
	for from := 0; ; {
		k := bytes.Index(tag[from:], []byte(arg))
		if k < 0 {
			return false
		}
		at := from + k
		if at > 0 && (tag[at-1] == ' ' || tag[at-1] == '\t' || tag[at-1] == '\n') {
			return true
		}
		from = at + 1
	}
}

// tagName returns the name in "{{< name args >}}" or "{% name args %}",
// and whether it is a closing tag ("{{< /name >}}").
func tagName(tag []byte) (name []byte, closing bool) {
	t := bytes.TrimLeft(tag, "{<%#")
	t = bytes.TrimLeft(t, " -\t")
	if len(t) > 0 && t[0] == '/' {
		closing = true
		t = bytes.TrimLeft(t[1:], " \t")
	}
	n := 0
	for n < len(t) && (isWordASCII(t[n]) || t[n] == '-' || t[n] == '_') {
		n++
	}
	return t[:n], closing
}

func isWordASCII(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// codeLike: a shortcode or tag whose body is code, not prose. Hugo's
// highlight and the code, code-toggle and codeblock families; Liquid's
// highlight, raw and comment.
func codeLike(name []byte, closer string) bool {
	n := string(bytes.ToLower(name))
	if closer == "%}" {
		return n == "highlight" || n == "raw" || n == "comment" || n == "codeblock"
	}
	return n == "highlight" || bytes.Contains([]byte(n), []byte("code"))
}

// braceEnd returns the end of a balanced {expression} at i (strings,
// template literals and comments inside honoured), or i when unbalanced
// within maxTag bytes.
func braceEnd(src []byte, i int) int {
	depth := 0
	limit := min(len(src), i+maxTag)
	for j := i; j < limit; j++ {
		switch c := src[j]; c {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j + 1
			}
		case '"', '\'', '`':
			k := j + 1
			for k < limit && src[k] != c && (c == '`' || src[k] != '\n') {
				if src[k] == '\\' {
					k++
				}
				k++
			}
			if k >= limit || src[k] != c {
				return i
			}
			j = k
		case '/':
			if j+1 < limit && src[j+1] == '*' {
				k := bytes.Index(src[j+2:limit], []byte("*/"))
				if k < 0 {
					return i
				}
				j += 2 + k + 1
			}
		}
	}
	return i
}

// jsxTagEnd reads a JSX tag at i: <Name attr="v" prop={x}>, </Name>,
// <Name />, <> and </>. It returns the end and the name, or i when there
// is none (a "<" in prose, "a < b").
func jsxTagEnd(src []byte, i int) (int, []byte) {
	j := i + 1
	if j < len(src) && src[j] == '/' {
		j++
	}
	n := j
	for j < len(src) && (isWordASCII(src[j]) || j > n && (src[j] == '.' || src[j] == '-' || src[j] == ':' || src[j] == '_')) {
		j++
	}
	name := src[n:j]
	if len(name) == 0 {
		if j < len(src) && src[j] == '>' {
			return j + 1, nil // a fragment
		}
		return i, nil
	}
	if c := name[0] | 0x20; c < 'a' || c > 'z' {
		return i, nil // a tag name starts with a letter
	}
	limit := min(len(src), i+maxTag)
	for j < limit {
		switch c := src[j]; c {
		case '>':
			return j + 1, name
		case '"', '\'':
			k := bytes.IndexByte(src[j+1:limit], c)
			if k < 0 {
				return i, nil
			}
			j += k + 2
			continue
		case '{':
			e := braceEnd(src, j)
			if e == j {
				return i, nil
			}
			j = e
			continue
		case '<':
			return i, nil
		case '\n':
			if j+1 < len(src) && (src[j+1] == '\n' || src[j+1] == '\r') {
				return i, nil // a tag does not run over a blank line
			}
		}
		j++
	}
	return i, nil
}

// maskMarkup returns a copy of body (the source from base on) with the
// spans masked: whole lines of syntax become blank, other syntax becomes
// maskByte; line endings stay, so every offset is unchanged.
func maskMarkup(body []byte, base int, spans []markupSpan) []byte {
	out := make([]byte, len(body))
	copy(out, body)
	for _, sp := range spans {
		for k := sp.Start - base; k < sp.End-base; k++ {
			if c := out[k]; c != '\n' && c != '\r' {
				out[k] = maskByte
			}
		}
	}
	// Lines left with nothing but masks, indentation and quote markers are
	// blank to goldmark, as the generator's block syntax ends a paragraph.
	for ls := 0; ls < len(out); {
		le := lineEndAt(out, ls)
		masked, other := false, false
		for _, c := range out[ls:le] {
			switch c {
			case maskByte:
				masked = true
			case ' ', '\t', '>':
			default:
				other = true
			}
		}
		if masked && !other {
			for k := ls; k < le; k++ {
				if out[k] == maskByte {
					out[k] = ' '
				}
			}
		}
		ls = nextLine(out, ls)
	}
	return out
}

// containerTitle returns the title of a container line src[sp]: the
// text in brackets (Starlight, Docusaurus: :::tip[Use the CLI]) or after
// the container's name (VitePress, Docusaurus: ::: tip Use the CLI),
// without trailing {attributes}; an empty span for a closing line or a
// container without one.
func containerTitle(src []byte, sp document.Span) document.Span {
	i := sp.Start
	for i < sp.End && src[i] == ':' {
		i++
	}
	for i < sp.End && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	name := i
	for i < sp.End && (isASCIIAlnum(src[i]) || src[i] == '-' || src[i] == '_') {
		i++
	}
	if i == name {
		return document.Span{Start: sp.End, End: sp.End}
	}
	if i < sp.End && src[i] == '[' {
		if j := bytes.IndexByte(src[i+1:sp.End], ']'); j >= 0 {
			return trimSpan(src, document.Span{Start: i + 1, End: i + 1 + j})
		}
		return document.Span{Start: sp.End, End: sp.End}
	}
	end := sp.End
	if end > i && src[end-1] == '}' {
		if j := bytes.LastIndexByte(src[i:end], '{'); j >= 0 {
			end = i + j
		}
	}
	return trimSpan(src, document.Span{Start: i, End: end})
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// containerTitles emits, as label blocks, the titles of the container
// lines that start before off and were not emitted yet: the walker calls
// it before each block, so that tokens stay in source order.
func (w *mdWalker) containerTitles(off int) {
	for w.nextTitle < len(w.markup) && w.markup[w.nextTitle].Start < off {
		m := w.markup[w.nextTitle]
		w.nextTitle++
		if !m.container {
			continue
		}
		t := containerTitle(w.doc.Src, m.Span)
		if t.End <= t.Start {
			continue
		}
		doc := w.doc
		t0 := w.plan.mark(doc)
		w.plan.tokenize(doc, t.Start, t.End)
		w.plan.block(doc, document.Block{Kind: document.KindParagraph, Role: document.RoleLabel, Span: m.Span, Prose: t}, t0)
	}
}

// isMDX: the file is MDX (Markdown with JSX and ES module lines).
func isMDX(name string) bool {
	return strings.EqualFold(filepath.Ext(name), ".mdx")
}

// parseMDXDirective reads a suppression directive written as an MDX
// comment, {/* copydesk-disable-next-line RULE -- reason */}, where MDX
// allows no HTML comment.
func parseMDXDirective(dst []document.Directive, src []byte, sp document.Span) []document.Directive {
	t := src[sp.Start:sp.End]
	if !bytes.HasPrefix(t, []byte("{/*")) || !bytes.HasSuffix(t, []byte("*/}")) {
		return dst
	}
	if d, ok := document.ParseDirective(strings.TrimSpace(string(t[3 : len(t)-3]))); ok {
		d.Span = sp
		dst = append(dst, d)
	}
	return dst
}

// cutMarkup removes masked syntax from the block's prose runs.
func (w *mdWalker) cutMarkup() {
	if out, cut := cutSegs(w.segs, w.markup, w.segsBuf[:0]); cut {
		w.segsBuf, w.segs = w.segs[:0], out
	}
}

// cutSegs returns segs without the bytes of the markup spans (sorted,
// disjoint), appending to buf, and true; or segs and false when no span
// meets them:
// what follows a cut span starts a new run after a Gap; what follows a
// syntax span (a JSX tag) is joined by a Markup token.
func cutSegs(segs []inlineSeg, ms []markupSpan, buf []inlineSeg) ([]inlineSeg, bool) {
	if len(ms) == 0 || len(segs) == 0 {
		return segs, false
	}
	k := sort.Search(len(ms), func(i int) bool { return ms[i].End > segs[0].start })
	if k == len(ms) || ms[k].Start >= segs[len(segs)-1].end {
		return segs, false
	}
	out := buf
	pending := false
	for _, s := range segs {
		for k < len(ms) && ms[k].End <= s.start {
			k++
		}
		cur := s
		cur.cut = cur.cut || pending
		pending = false
		for k < len(ms) && ms[k].Start < cur.end {
			m := ms[k]
			if m.Start > cur.start {
				out = append(out, inlineSeg{start: cur.start, end: m.Start, cut: cur.cut})
				cur.cut = false
			}
			cur.cut = cur.cut || m.cut
			if m.End >= cur.end {
				cur.start = cur.end
				break
			}
			cur.start = m.End
			k++
		}
		if cur.end > cur.start {
			out = append(out, cur)
		} else if cur.cut {
			pending = true
		}
	}
	return out, true
}

// label protects a shortcut or collapsed reference link's label, brackets
// included: [the forum] and [the forum][] must match their definition.
func (w *mdWalker) label(n ast.Node, ref *ast.ReferenceLink) {
	if ref == nil || ref.Type == ast.ReferenceLinkFull || len(ref.Value) == 0 {
		return
	}
	first := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && first < 0 {
			first = t.Segment.Start
		}
		return ast.WalkContinue, nil
	})
	lo := max(w.linkFrom-w.base, 0)
	if first >= 0 {
		lo = max(first-len(ref.Value)-2, 0)
	}
	hi := min(w.blockEnd-w.base+1, len(w.body))
	if lo >= hi {
		return
	}
	want := make([]byte, 0, len(ref.Value)+4)
	want = append(append(append(want, '['), ref.Value...), ']')
	i := bytes.Index(w.body[lo:hi], want)
	if i < 0 {
		return
	}
	start := w.base + lo + i
	end := start + len(want)
	if ref.Type == ast.ReferenceLinkCollapsed && bytes.HasPrefix(w.doc.Src[end:], []byte("[]")) {
		end += 2
	}
	w.doc.Protect(start, end, document.ProtectLabel)
}

// textBounds returns the first and last byte of the text under n, in the
// body's offsets, or -1.
func textBounds(n ast.Node) (first, last int) {
	first, last = -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && t.Segment.Stop > t.Segment.Start {
			if first < 0 {
				first = t.Segment.Start
			}
			last = t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	return first, last
}

// element protects emphasis or strikethrough: its markers are the runs of
// * _ ~ right around its text. When the text does not begin and end the
// element (a code span inside), nothing is recorded.
func (w *mdWalker) element(n ast.Node) {
	first, last := textBounds(n)
	if first < 0 {
		return
	}
	b := w.body
	open := first
	for open > 0 && (b[open-1] == '*' || b[open-1] == '_' || b[open-1] == '~') {
		open--
	}
	end := last
	for end < len(b) && (b[end] == '*' || b[end] == '_' || b[end] == '~') {
		end++
	}
	if open == first || end == last {
		return
	}
	w.doc.Protected = append(w.doc.Protected, document.Protected{Span: document.Span{Start: w.base + open, End: w.base + end}, Kind: document.ProtectElement, Inner: document.Span{Start: w.base + first, End: w.base + last}})
}

// linkSyntax protects an inline link's "[" and its "](destination)": a
// fix that cuts them turns the link into text.
func (w *mdWalker) linkSyntax(n *ast.Link) {
	if n.Reference != nil {
		return // reference links: label() and the definition
	}
	first, last := textBounds(n)
	if first < 0 {
		return
	}
	b := w.body
	open := bytes.LastIndexByte(b[:first], '[')
	if open < 0 || !isAllSyntax(b[open+1:first]) {
		return
	}
	w.doc.Protect(w.base+open, w.base+open+1, document.ProtectDelimiter)
	closeAt := bytes.IndexByte(b[last:], ']')
	if closeAt < 0 || !isAllSyntax(b[last:last+closeAt]) {
		return
	}
	end := last + closeAt + 1
	if end < len(b) && b[end] == '(' {
		// The destination and title end at the first ")" that closes them;
		// nested parentheses balance.
		depth := 0
		for k := end; k < len(b) && k < end+maxTag; k++ {
			if b[k] == '(' {
				depth++
			} else if b[k] == ')' {
				depth--
				if depth == 0 {
					end = k + 1
					break
				}
			}
		}
	}
	w.doc.Protect(w.base+last+closeAt, w.base+end, document.ProtectDelimiter)
}

// isAllSyntax: only emphasis markers and backticks stand between a
// bracket and the link's text.
func isAllSyntax(b []byte) bool {
	for _, c := range b {
		if c != '*' && c != '_' && c != '~' && c != '`' {
			return false
		}
	}
	return true
}
