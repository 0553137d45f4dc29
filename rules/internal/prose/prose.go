// Package prose holds small helpers that several rules share: what a block
// is called in messages, template directives, token search, character
// tests, and the fast scan for non-ASCII runs that stay inside prose.
package prose

import (
	"bytes"
	"encoding/binary"
	"sort"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
)

// Noun names the block in messages: title, heading, paragraph.
func Noun(b *document.Block) string {
	switch {
	case b.Role == document.RoleTitle:
		return "title"
	case b.Role == document.RoleCaption:
		return "caption"
	case b.Role == document.RoleDescription:
		return "description"
	case b.Kind == document.KindHeading:
		return "heading"
	case b.Kind == document.KindListItem:
		return "list item"
	case b.Kind == document.KindTableCell:
		return "table cell"
	}
	return "paragraph"
}

// StrayBacktick reports whether a block holds a backtick that Markdown left
// as text because it could not pair it: broken code, not prose.
func StrayBacktick(src []byte, toks []document.Token) bool {
	for _, t := range toks {
		if t.Kind() == document.TokPunct && src[t.Start] == '`' {
			return true
		}
	}
	return false
}

// TemplateEnd returns the index of the last token of a template directive
// ({{image "x.jpg"}}, {{< figure >}}, {% raw %}) starting at toks[i], or -1.
func TemplateEnd(src []byte, toks []document.Token, i int) int {
	if i+1 >= len(toks) || src[toks[i].Start] != '{' || toks[i+1].Start != toks[i].End() {
		return -1
	}
	if c := src[toks[i+1].Start]; c != '{' && c != '%' {
		return -1
	}
	for j := i + 2; j+1 < len(toks); j++ {
		if toks[j].Kind() == document.TokPunct && toks[j+1].Start == toks[j].End() && src[toks[j+1].Start] == '}' {
			if c := src[toks[j].Start]; c == '}' || c == '%' {
				return j + 1
			}
		}
	}
	return -1
}

// TokenAt returns the index of the first token from i on that ends after
// off; the tokens are sorted.
func TokenAt(toks []document.Token, i int, off int32) int {
	// Marks are sparse: gallop ahead from the last one, then search the
	// last step by halves.
	lo, step := i, 1
	hi := i
	for hi < len(toks) && toks[hi].End() <= off {
		lo = hi + 1
		hi += step
		step *= 2
	}
	hi = min(hi, len(toks))
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if toks[h].End() <= off {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

// SkipASCII returns the first index from i on where src holds a byte of
// 0x80 or more, or end; it reads eight bytes at a time.
func SkipASCII(src []byte, i, end int) int {
	for ; i+8 <= end; i += 8 {
		if binary.LittleEndian.Uint64(src[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for i < end && src[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// IsASCIILetter reports whether c is a letter A–Z or a–z.
func IsASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// InProse reports whether src[i:j] lies in prose tokens: not in code cut
// out of Markdown, markup, or a URL.
func InProse(toks []document.Token, i, j int) bool {
	k := sort.Search(len(toks), func(k int) bool { return int(toks[k].End()) > i })
	if k == len(toks) || int(toks[k].Start) > i {
		return false
	}
	for ; k < len(toks) && int(toks[k].Start) < j; k++ {
		switch toks[k].Kind() {
		case document.TokGap, document.TokMarkup, document.TokLiteral:
			return false
		}
	}
	return true
}

// AfterLiteral reports whether the run follows a URL or file name directly: it may be part
// of it; URLs are not linted.
func AfterLiteral(toks []document.Token, i int) bool {
	k := sort.Search(len(toks), func(k int) bool { return int(toks[k].End()) >= i })
	return k < len(toks) && int(toks[k].End()) == i && toks[k].Kind() == document.TokLiteral
}

// TeX reports whether a block holds TeX math: a control word with a
// braced argument (\frac{, \text{, \ce{) that KaTeX or MathJax renders.
// Its brackets, braces and spacing are notation, not prose.
func TeX(src []byte, toks []document.Token) bool {
	if len(toks) < 3 || bytes.IndexByte(src[toks[0].Start:toks[len(toks)-1].End()], '\\') < 0 {
		return false
	}
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Kind() == document.TokPunct && src[toks[i].Start] == '\\' && toks[i+1].Kind() == document.TokWord &&
			toks[i+1].Start == toks[i].End() && toks[i+2].Start == toks[i+1].End() && src[toks[i+2].Start] == '{' {
			return true
		}
	}
	return false
}
