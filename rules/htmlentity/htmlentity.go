// Package htmlentity finds HTML character references (&amp;, &nbsp;,
// &#8217;, &rsquo;) left in plain text or Markdown prose by an export or a
// scraper, and writes the character instead.
package htmlentity

import (
	"bytes"
	"fmt"
	"html"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the html-entity rule.
var Rule = &lint.Rule{
	ID:       "html-entity",
	Category: lint.CategoryCleaning,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixMixed,
	Doc: lint.Doc{
		Title: "An HTML entity such as &amp;, &nbsp; or &#8217; left in the text",
		Why: "Exports from a CMS and scraped pages leave character references behind: readers of a plain-text feed " +
			"see \"R&amp;D\" and \"don&#8217;t\". In Markdown and HTML an entity reference is markup the author " +
			"chose and renders as its character, so those formats are checked only when check-markdown is on (a " +
			"house style that wants the characters themselves in Markdown source). Only references in the HTML5 table (or numeric ones) count, with their " +
			"semicolon; an unknown \"&word;\" is left alone, as are code, URLs and \\&-escaped text. In Markdown, " +
			"references that stand for Markdown or HTML syntax (&lt;div&gt;, &#42;, &#x60;, &#124;) are escapes, " +
			"text inside <code> or <kbd> is code, and &nbsp; is the visible way to write a no-break space " +
			"(\"10&nbsp;km\", \"Mr.&nbsp;Lee\"), so none of these is reported, except &nbsp; used as a word space: " +
			"between two words, after a comma, or between two sentences.",
		Wrong: "Research &amp; Development opens on Monday&nbsp;&ndash; don&#8217;t miss it.",
		Right: "Research & Development opens on Monday\u00a0– don’t miss it.",
		Fix: "Safe: writes the character the reference stands for, which a browser would have shown anyway; &nbsp; " +
			"used as a word space becomes an ordinary space (what the nbsp rule would make of U+00A0 there), and " +
			"references to a soft hyphen or zero-width space are deleted. Unsafe: in Markdown, &amp;, &lt; and &gt; " +
			"become &, < and > only where the bare character starts no markup, and that is worth a look; in a front " +
			"matter field an ASCII character may break the quoting (a quotation mark there gets no fix at all).",
	},
	Options: []lint.OptionDecl{checkMarkdown},
	Needs:   document.HasAmpersand,
	Run:     run,
}

var checkMarkdown = lint.BoolOption{
	Name: "check-markdown", Default: false,
	Doc: "Also report references in Markdown prose and front matter, where they render correctly: for a house " +
		"style that wants the characters themselves in Markdown source.",
}

// maxEntity bounds a reference: the longest HTML5 name has 31 letters.
const maxEntity = 40

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	if doc.Format == document.FormatHTML {
		return // every reference in an HTML page is markup
	}
	md := doc.Format == document.FormatMarkdown
	if md && !checkMarkdown.Get(pass) {
		return
	}
	for _, b := range pass.Blocks() {
		if b.Tok1 == b.Tok0 {
			continue
		}
		toks := doc.BlockTokens(b)
		for i := b.Prose.Start; i < b.Prose.End; i++ {
			k := bytes.IndexByte(src[i:b.Prose.End], '&')
			if k < 0 {
				break
			}
			i += k
			end := entityEnd(src, i, b.Prose.End)
			if end < 0 {
				continue
			}
			ti := tokenAt(toks, i)
			if ti < 0 {
				continue
			}
			if t := toks[ti]; t.Kind() == document.TokLiteral && (literalTail(t, i, end) || nbspRef(src[i:end])) {
				// "anna@example.org&nbsp;before": the tokenizer reads the
				// reference into the address, but it ends the address (no
				// URL holds a no-break space).
			} else if t.Kind() != document.TokPunct || int(t.End()) != i+1 {
				continue // in a URL, a file name, code or markup
			}
			if d, ok := check(doc, toks, ti, i, end, md, b.Kind == document.KindField); ok {
				pass.Report(d)
			}
			i = end - 1
		}
	}
}

// entityEnd returns the end of a character reference starting at src[i]
// ('&'): &name; &#123; &#x1F; or -1.
func entityEnd(src []byte, i, limit int) int {
	j := i + 1
	if j < limit && src[j] == '#' {
		j++
		hex := j < limit && (src[j] == 'x' || src[j] == 'X')
		if hex {
			j++
		}
		d := j
		for j < limit && j-i < maxEntity && (isDigit(src[j]) || hex && isHex(src[j])) {
			j++
		}
		if j == d || j >= limit || src[j] != ';' {
			return -1
		}
		return j + 1
	}
	d := j
	for j < limit && j-i < maxEntity && (prose.IsASCIILetter(src[j]) || j > d && isDigit(src[j])) {
		j++
	}
	if j == d || j >= limit || src[j] != ';' {
		return -1
	}
	return j + 1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isHex(c byte) bool   { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }

// decode returns what the reference stands for, or false when it is not
// one: an unknown name, a control character, or an invalid code point.
func decode(ref string) (string, bool) {
	s := html.UnescapeString(ref)
	if s == ref || s == "" {
		return "", false
	}
	// html.UnescapeString also expands legacy names without a semicolon as a
	// prefix ("&ampx;" becomes "&x;"); a real reference leaves nothing behind.
	if utf8.RuneCountInString(s) > 2 || ref[1] != '#' && s[len(s)-1] == ';' && ref != "&semi;" {
		return "", false
	}
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 || r >= 0x7F && r <= 0x9F {
			return "", false
		}
	}
	return s, true
}

func check(doc *document.Document, toks []document.Token, ti, i, end int, md, field bool) (lint.Diagnostic, bool) {
	src := doc.Src
	ref := string(src[i:end])
	ch, ok := decode(ref)
	if !ok {
		return lint.Diagnostic{}, false
	}
	if md && (escaped(src, i) || inHTMLCode(src, toks, ti)) {
		return lint.Diagnostic{}, false // \&amp; shows the reference itself; <code>&lt;</code> is code
	}
	app := lint.Safe
	replace := ch
	msg := fmt.Sprintf("HTML entity %q left in the text; replace it with %q", ref, ch)
	fix := fmt.Sprintf("Replace with %q", ch)
	r, _ := utf8.DecodeRuneInString(ch)
	switch {
	case ch == "\u00a0":
		if wordSpace(src, toks, ti, end) {
			replace = " "
			msg = fmt.Sprintf("HTML entity %q used as a word space; replace it with a space", ref)
			fix = "Replace with a space"
		} else if md {
			return lint.Diagnostic{}, false // 10&nbsp;km, Mr.&nbsp;Lee: deliberate, and visible in the source
		} else {
			msg = fmt.Sprintf("HTML entity %q left in the text; replace it with a no-break space (U+00A0)", ref)
			fix = "Replace with a no-break space (U+00A0)"
		}
	case r == 0xAD || r == 0x200B || r == 0xFEFF:
		if md {
			return lint.Diagnostic{}, false // a visible way to write an invisible character
		}
		replace = ""
		msg = fmt.Sprintf("HTML entity %q (an invisible U+%04X) left in the text; remove it", ref, r)
		fix = "Remove the entity"
	case md && invisible(r):
		return lint.Diagnostic{}, false
	case field && r < utf8.RuneSelf:
		// A front matter value: the bare character may end the quoted
		// string or start YAML syntax (& anchors, # comments).
		msg = fmt.Sprintf("HTML entity %q in a front matter field; write %q if the quoting allows it", ref, ch)
		if ch == "\"" || ch == "'" || ch == "\\" {
			return lint.Diagnostic{Start: i, End: end, Message: msg}, true
		}
		app = lint.Unsafe
	case md && r < utf8.RuneSelf:
		if i > 0 && src[i-1] == ';' && entityBefore(src, i) || end < len(src) && src[end] == '&' && entityEnd(src, end, len(src)) > 0 {
			return lint.Diagnostic{}, false // one of a row of references, as in "&#x60;&amp;&#x60;"
		}
		switch ch {
		case "\"", "'":
			// Quotes mean nothing to Markdown in prose.
		case "&":
			if startsReference(src, end) {
				return lint.Diagnostic{}, false // &amp;nbsp; shows "&nbsp;"
			}
			app = lint.Unsafe
		case "<":
			if end < len(src) && (prose.IsASCIILetter(src[end]) || src[end] == '/' || src[end] == '!' || src[end] == '?') {
				return lint.Diagnostic{}, false // &lt;div&gt; keeps a tag from being HTML
			}
			app = lint.Unsafe
		case ">":
			ls := bytes.LastIndexByte(src[:i], '\n') + 1
			if bytes.Contains(src[ls:i], []byte("&lt;")) || len(bytes.TrimLeft(src[ls:i], " \t>")) == 0 {
				return lint.Diagnostic{}, false // the end of &lt;T&gt;, or a > that would start a quote
			}
			app = lint.Unsafe
		default:
			return lint.Diagnostic{}, false // &#42; &#x60; &#124;: escapes of Markdown syntax
		}
		if app == lint.Unsafe {
			msg = fmt.Sprintf("HTML entity %q in Markdown prose; write %q if it starts no markup", ref, ch)
		}
	}
	return lint.Diagnostic{
		Start:   i,
		End:     end,
		Message: msg,
		Fix:     &lint.Fix{Message: fix, Applicability: app, Edits: []lint.Edit{{Start: i, End: end, NewText: replace}}},
	}, true
}

// literalTail: the reference src[i:end] ends the URL or address token t
// (whose trailing ";" the tokenizer leaves outside), so it is no part of a
// query string such as "?a=1&amp;b=2".
func literalTail(t document.Token, i, end int) bool {
	return int(t.Start) < i && (int(t.End()) == end || int(t.End()) == end-1)
}

// nbspRef: the reference stands for a no-break space.
func nbspRef(ref []byte) bool {
	s, ok := decode(string(ref))
	return ok && s == "\u00a0"
}

// wordSpace: the no-break space stands between two words, after a comma,
// semicolon or colon before a word, or between two sentences, where an
// ordinary space belongs.
func wordSpace(src []byte, toks []document.Token, ti, end int) bool {
	if toks[ti].Kind() == document.TokLiteral {
		// "anna@example.org&nbsp;before": the word after it may be read into
		// the address too.
		return end < len(src) && src[end] < utf8.RuneSelf && (prose.IsASCIILetter(src[end]) || isDigit(src[end]))
	}
	nt := tokenAt(toks, end)
	if nt < 0 || toks[nt].Kind() != document.TokWord || int(toks[nt].Start) != end {
		return false
	}
	if ti == 0 {
		return false
	}
	prev := toks[ti-1]
	switch prev.Kind() {
	case document.TokWord, document.TokLiteral:
		return true
	case document.TokPunct:
		if p := string(src[prev.Start:prev.End()]); p == "，" || p == "；" || p == "：" {
			return true // the full-width forms, on their way to ", "
		}
		switch src[prev.Start] {
		case ',', ';', ':':
			return true
		case '.', '!', '?', ')':
			// A sentence end before a capital, not "Mr.&nbsp;Lee" or "p.&nbsp;12".
			return toks[nt].Is(document.FlagUpper) && ti >= 2 && !abbreviation(src, toks[ti-2])
		}
	}
	return false
}

// abbreviations after which a no-break space is deliberate.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "sr": true, "jr": true,
	"no": true, "nos": true, "p": true, "pp": true, "vol": true, "fig": true, "ch": true, "sec": true,
	"gen": true, "col": true, "capt": true, "lt": true, "sgt": true, "rev": true, "hon": true, "mt": true,
}

func abbreviation(src []byte, t document.Token) bool {
	w := src[t.Start:t.End()]
	if t.Kind() != document.TokWord || len(w) > 4 {
		return false
	}
	if len(w) == 1 {
		return true // initials: "J.&nbsp;Smith"
	}
	return abbreviations[strings.ToLower(string(w))]
}

// startsReference: the text at src[i:] would read as a character reference
// after an "&" ("nbsp;", "#8217;").
func startsReference(src []byte, i int) bool {
	b := append([]byte{'&'}, src[i:min(len(src), i+maxEntity)]...)
	e := entityEnd(b, 0, len(b))
	if e < 0 {
		return false
	}
	_, ok := decode(string(b[:e]))
	return ok
}

// escaped: an odd number of backslashes precedes src[i].
func escaped(src []byte, i int) bool {
	n := 0
	for i-n-1 >= 0 && src[i-n-1] == '\\' {
		n++
	}
	return n%2 == 1
}

func invisible(r rune) bool {
	return document.IsInvisible(r) || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// tokenAt returns the index of the token holding off, or -1.
func tokenAt(toks []document.Token, off int) int {
	k := sort.Search(len(toks), func(k int) bool { return int(toks[k].End()) > off })
	if k == len(toks) || int(toks[k].Start) > off {
		return -1
	}
	return k
}

// entityBefore: a character reference ends just before src[i].
func entityBefore(src []byte, i int) bool {
	for k := i - 2; k >= 0 && i-k <= maxEntity; k-- {
		if src[k] == '&' {
			return entityEnd(src, k, i) == i
		}
	}
	return false
}

// codeTags are the inline HTML elements whose content is code, not prose.
var codeTags = []string{"code", "kbd", "samp", "tt", "var", "pre"}

// inHTMLCode: the reference sits between an inline <code> (or <kbd>, ...)
// tag and its end tag, raw HTML the parser cut out around it.
func inHTMLCode(src []byte, toks []document.Token, ti int) bool {
	for k := ti - 1; k >= 0; k-- {
		t := toks[k]
		if t.Kind() != document.TokGap {
			continue
		}
		g := src[t.Start:t.End()]
		if len(g) < 3 || g[0] != '<' {
			return false
		}
		closing := g[1] == '/'
		name := g[1:]
		if closing {
			name = g[2:]
		}
		for _, tag := range codeTags {
			if len(name) > len(tag) && bytes.EqualFold(name[:len(tag)], []byte(tag)) && (name[len(tag)] == '>' || name[len(tag)] == ' ') {
				return !closing
			}
		}
		return false
	}
	return false
}
