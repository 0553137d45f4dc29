// Package rendercheck tells whether a fixed Markdown page renders as the
// original did but for the text a rule meant to change: the same tags,
// attributes (link targets among them), code, entity references and site
// generator markup (containers, shortcodes, template tags, MDX lines), and
// the same words but for a removed doubled word.
package rendercheck

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/mdx"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// Compare returns "" when after renders as before up to the changes a
// safe fix may make, else what changed, worded for a test failure.
func Compare(name string, before, after []byte) string {
	fmB, bodyB := splitFrontMatter(before)
	fmA, bodyA := splitFrontMatter(after)
	if msg := compareFrontMatter(fmB, fmA); msg != "" {
		return msg
	}
	mdx := strings.HasSuffix(strings.ToLower(name), ".mdx")
	mb, ma := markupOf(bodyB, mdx), markupOf(bodyA, mdx)
	if msg := compareList("markup", mb, ma); msg != "" {
		return msg
	}
	rb, err := render(bodyB, mdx)
	if err != nil {
		return err.Error()
	}
	ra, err := render(bodyA, mdx)
	if err != nil {
		return err.Error()
	}
	return compareHTML(rb, ra)
}

var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithRendererOptions(html.WithUnsafe()),
)

// mdxMD renders MDX's block structure: no indented code. JSX passes
// through as raw HTML, so a changed tag or attribute shows.
var mdxMD = goldmark.New(
	goldmark.WithParser(mdx.NewParser()),
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithRendererOptions(html.WithUnsafe()),
)

func render(src []byte, isMDX bool) ([]byte, error) {
	var b bytes.Buffer
	m := md
	if isMDX {
		m = mdxMD
	}
	if err := m.Convert(src, &b); err != nil {
		return nil, fmt.Errorf("goldmark: %w", err)
	}
	return b.Bytes(), nil
}

// splitFrontMatter cuts YAML (---) or TOML (+++) front matter off.
func splitFrontMatter(src []byte) (fm, body []byte) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	for _, d := range []string{"---", "+++"} {
		if !bytes.HasPrefix(src, []byte(d+"\n")) && !bytes.HasPrefix(src, []byte(d+"\r\n")) {
			continue
		}
		rest := src[len(d)+1:]
		for off := 0; off < len(rest); {
			nl := bytes.IndexByte(rest[off:], '\n')
			line := rest[off:]
			if nl >= 0 {
				line = rest[off : off+nl]
			}
			if string(bytes.TrimRight(line, " \r")) == d {
				end := len(src) - len(rest) + off + len(line)
				return src[:end], src[end:]
			}
			if nl < 0 {
				break
			}
			off += nl + 1
		}
	}
	return nil, src
}

// compareFrontMatter: the same lines, each with the same key; values may
// differ only as prose may.
func compareFrontMatter(b, a []byte) string {
	lb, la := strings.Split(string(b), "\n"), strings.Split(string(a), "\n")
	if len(lb) != len(la) {
		return fmt.Sprintf("front matter: %d lines became %d", len(lb), len(la))
	}
	for i := range lb {
		if lb[i] == la[i] {
			continue
		}
		kb, vb, _ := strings.Cut(lb[i], ":")
		ka, va, _ := strings.Cut(la[i], ":")
		if kb != ka {
			return fmt.Sprintf("front matter line %d: key %q became %q", i+1, kb, ka)
		}
		if msg := compareWords(atoms(vb), atoms(va)); msg != "" {
			return fmt.Sprintf("front matter line %d: %s", i+1, msg)
		}
	}
	return ""
}

// markupOf lists what site generators read before Markdown does:
// container lines, shortcodes and template tags, and in MDX the
// import/export lines and {expressions}. Code blocks are skipped.
func markupOf(src []byte, mdx bool) []string {
	var out []string
	fence, codeShortcode := "", ""
	for _, line := range strings.Split(string(src), "\n") {
		t := strings.TrimSpace(line)
		if codeShortcode != "" {
			out = append(out, line)
			codeShortcode = codeTags(line, codeShortcode)
			continue
		}
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		if strings.HasPrefix(t, ":::") {
			out = append(out, t)
			continue
		}
		if mdx && (strings.HasPrefix(line, "import ") || strings.HasPrefix(line, "export ")) {
			out = append(out, line)
			continue
		}
		for _, w := range strings.Fields(t) {
			if strings.HasPrefix(w, "&") && strings.HasSuffix(w, ";") || strings.Contains(w, "&") && strings.Contains(w, ";") {
				out = append(out, entitiesIn(w)...)
			}
		}
		codeShortcode = codeTags(t, "")
		for _, p := range [][2]string{{"{{", "}}"}, {"{%", "%}"}, {"{#", "#}"}} {
			rest := line
			for {
				i := strings.Index(rest, p[0])
				if i < 0 {
					break
				}
				j := strings.Index(rest[i:], p[1])
				if j < 0 {
					break
				}
				out = append(out, rest[i:i+j+len(p[1])])
				rest = rest[i+j+len(p[1]):]
			}
		}
		if mdx {
			rest := line
			for {
				i := strings.IndexByte(rest, '{')
				j := strings.IndexByte(rest, '}')
				if i < 0 || j < i {
					break
				}
				out = append(out, rest[i:j+1])
				rest = rest[j+1:]
			}
		}
	}
	return out
}

func compareList(what string, b, a []string) string {
	if len(b) != len(a) {
		return fmt.Sprintf("%s: %d items became %d", what, len(b), len(a))
	}
	for i := range b {
		if b[i] != a[i] {
			return fmt.Sprintf("%s changed: %q became %q", what, b[i], a[i])
		}
	}
	return ""
}

// piece is a rendered tag (with its attributes), a code text, or a run of
// prose text between tags.
type piece struct {
	kind byte // 't' tag, 'c' code, 'p' prose
	s    string
}

func pieces(h []byte) []piece {
	z := xhtml.NewTokenizer(bytes.NewReader(h))
	var out []piece
	code := 0
	var prose strings.Builder
	flush := func() {
		if prose.Len() > 0 {
			out = append(out, piece{'p', prose.String()})
			prose.Reset()
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			flush()
			return out
		case xhtml.TextToken:
			raw := string(z.Raw())
			if code > 0 {
				out = append(out, piece{'c', raw})
			} else {
				prose.WriteString(raw)
			}
		default:
			raw := string(z.Raw())
			name, _ := z.TagName()
			n := string(name)
			// Inline emphasis around prose is kept apart from the prose so
			// that a removed doubled word inside it is judged as words.
			flush()
			if n == "code" || n == "pre" {
				switch tt {
				case xhtml.StartTagToken:
					code++
				case xhtml.EndTagToken:
					code = max(code-1, 0)
				}
			}
			out = append(out, piece{'t', raw})
		}
	}
}

// compareHTML compares rendered pages; entity references in them are
// goldmark's escapes (a straight quote is &quot;), so they are not words:
// the source's own references are compared by markupOf.
func compareHTML(b, a []byte) string {
	pb, pa := pieces(b), pieces(a)
	// Tags and code must match one for one; prose is compared as one word
	// list, so a doubled word removed across pieces still reads as such.
	var tb, ta []string
	var wb, wa []string
	for _, p := range pb {
		if p.kind == 'p' {
			wb = append(wb, words(p.s)...)
		} else {
			tb = append(tb, string(p.kind)+p.s)
		}
	}
	for _, p := range pa {
		if p.kind == 'p' {
			wa = append(wa, words(p.s)...)
		} else {
			ta = append(ta, string(p.kind)+p.s)
		}
	}
	if msg := compareList("tag or code", tb, ta); msg != "" {
		return msg
	}
	return compareWords(wb, wa)
}

// atoms are the words (letters and digits, NFC, lower case) and entity
// references of a text, in order.
func atoms(s string) []string {
	var out []string
	s = norm.NFC.String(s)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			if j := strings.IndexByte(s[i:], ';'); j > 1 && j < 40 && entityName(s[i+1:i+j]) {
				out = append(out, s[i:i+j+1])
				i += j + 1
				continue
			}
			i += w
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			j := i
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && !unicode.IsMark(r2) {
					break
				}
				j += w2
			}
			out = append(out, strings.ToLower(s[i:j]))
			i = j
		default:
			i += w
		}
	}
	return out
}

func entityName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		word := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#' && i == 0
		if !word {
			return false
		}
	}
	return true
}

// compareWords: a equals b with zero or more words removed, each of which
// stood right after (or before) the same word.
func compareWords(b, a []string) string {
	i, j := 0, 0
	for i < len(b) {
		if j < len(a) && b[i] == a[j] {
			i++
			j++
			continue
		}
		doubled := i > 0 && b[i-1] == b[i] || i+1 < len(b) && b[i+1] == b[i]
		if !doubled || strings.HasPrefix(b[i], "&") {
			return fmt.Sprintf("text changed near %q: %q became %q", context(b, i), b[i], at(a, j))
		}
		i++ // a removed doubled word
	}
	if j < len(a) {
		return fmt.Sprintf("text added: %q", strings.Join(a[j:min(len(a), j+5)], " "))
	}
	return ""
}

func at(a []string, j int) string {
	if j < len(a) {
		return a[j]
	}
	return "(end)"
}

func context(b []string, i int) string {
	return strings.Join(b[max(0, i-4):min(len(b), i+4)], " ")
}

// entitiesIn lists the character references in a word.
func entitiesIn(w string) []string {
	var out []string
	for {
		i := strings.IndexByte(w, '&')
		if i < 0 {
			return out
		}
		w = w[i:]
		j := strings.IndexByte(w, ';')
		if j > 1 && j < 40 && entityName(w[1:j]) {
			out = append(out, w[:j+1])
			w = w[j+1:]
			continue
		}
		w = w[1:]
	}
}

// codeTags follows the shortcodes and Liquid tags of a line and returns
// the name of the code-like one (highlight, code…, or declaring lang= or
// code=true) still open at its end, given the one open before it.
func codeTags(line, open string) string {
	for rest := line; ; {
		i := strings.Index(rest, "{")
		if i < 0 {
			return open
		}
		rest = rest[i:]
		var closer string
		switch {
		case strings.HasPrefix(rest, "{{<"):
			closer = ">}}"
		case strings.HasPrefix(rest, "{{%"):
			closer = "%}}"
		case strings.HasPrefix(rest, "{%"):
			closer = "%}"
		default:
			rest = rest[1:]
			continue
		}
		j := strings.Index(rest, closer)
		if j < 0 {
			return open
		}
		tag := rest[:j+len(closer)]
		rest = rest[j+len(closer):]
		f := strings.Fields(strings.Trim(tag, "{}<>%-"))
		if len(f) == 0 {
			continue
		}
		name, closing := f[0], false
		if strings.HasPrefix(name, "/") {
			name, closing = strings.TrimPrefix(name, "/"), true
		} else if closer == "%}" && strings.HasPrefix(name, "end") {
			name, closing = strings.TrimPrefix(name, "end"), true
		}
		if open != "" {
			if closing && name == open {
				open = ""
			}
			continue
		}
		code := strings.Contains(name, "highlight") || strings.Contains(name, "code") ||
			closer != "%}" && (strings.Contains(tag, " lang=") || strings.Contains(tag, " code=true"))
		if !closing && code && !strings.HasSuffix(tag, "/>}}") {
			open = name
		}
	}
}

// words are the atoms of rendered prose without entity references.
func words(s string) []string {
	out := atoms(s)
	k := 0
	for _, w := range out {
		if !strings.HasPrefix(w, "&") {
			out[k] = w
			k++
		}
	}
	return out[:k]
}
