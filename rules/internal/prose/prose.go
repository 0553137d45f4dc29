// Package prose holds small token helpers that the quotation and bracket
// rules share: what a block is called in messages, where template
// directives end, and finding the token at an offset.
package prose

import "github.com/copydesk/copydesk/lint"

// Noun names the block in messages: title, heading, paragraph.
func Noun(b *lint.Block) string {
	switch {
	case b.Role == lint.RoleTitle:
		return "title"
	case b.Role == lint.RoleCaption:
		return "caption"
	case b.Role == lint.RoleDescription:
		return "description"
	case b.Kind == lint.KindHeading:
		return "heading"
	case b.Kind == lint.KindListItem:
		return "list item"
	case b.Kind == lint.KindTableCell:
		return "table cell"
	}
	return "paragraph"
}

// StrayBacktick reports whether a block holds a backtick that Markdown left
// as text because it could not pair it: broken code, not prose.
func StrayBacktick(src []byte, toks []lint.Token) bool {
	for _, t := range toks {
		if t.Kind == lint.TokPunct && src[t.Start] == '`' {
			return true
		}
	}
	return false
}

// TemplateEnd returns the index of the last token of a template directive
// ({{image "x.jpg"}}, {{< figure >}}, {% raw %}) starting at toks[i], or -1.
func TemplateEnd(src []byte, toks []lint.Token, i int) int {
	if i+1 >= len(toks) || src[toks[i].Start] != '{' || toks[i+1].Start != toks[i].End {
		return -1
	}
	if c := src[toks[i+1].Start]; c != '{' && c != '%' {
		return -1
	}
	for j := i + 2; j+1 < len(toks); j++ {
		if toks[j].Kind == lint.TokPunct && toks[j+1].Start == toks[j].End && src[toks[j+1].Start] == '}' {
			if c := src[toks[j].Start]; c == '}' || c == '%' {
				return j + 1
			}
		}
	}
	return -1
}

// TokenAt returns the index of the first token from i on that ends after
// off; the tokens are sorted.
func TokenAt(toks []lint.Token, i int, off int32) int {
	// Marks are sparse: gallop ahead from the last one, then search the
	// last step by halves.
	lo, step := i, 1
	hi := i
	for hi < len(toks) && toks[hi].End <= off {
		lo = hi + 1
		hi += step
		step *= 2
	}
	hi = min(hi, len(toks))
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if toks[h].End <= off {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}
