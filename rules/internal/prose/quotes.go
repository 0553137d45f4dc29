package prose

import "github.com/copydesk/copydesk/document"

// A QuoteSide classifies what stands on one side of a quotation mark,
// which tells a straight quote's direction: quote-style picks its curly
// form from it, unbalanced-quotes pairs it.
type QuoteSide uint8

// The sides of a quotation mark.
const (
	SideEdge  QuoteSide = iota // block edge, space, line break
	SideOpen                   // opening bracket, dash, slash, opening quote: a quote after it opens
	SideClose                  // closing punctuation: a quote before it closes
	SideDigit                  // a number: a straight quote after it may be an inch mark
	SideText                   // letters and anything else
	SideCut                    // code or HTML cut out
)

// QuoteOpens reports whether a straight quote between these sides opens a
// quotation: after a space or an opening bracket, before text.
func QuoteOpens(before, after QuoteSide) bool {
	return (before == SideEdge || before == SideOpen) && after != SideEdge && after != SideClose
}

// QuoteCloses reports whether it closes one: after text, before a space or
// closing punctuation.
func QuoteCloses(before, after QuoteSide) bool {
	return before != SideEdge && before != SideOpen && (after == SideEdge || after == SideClose)
}

// ClosedLater reports whether the next straight double quote after
// toks[i] that is not an inch mark is a closing one, which may close a
// quotation left open past toks[i].
func ClosedLater(src []byte, toks []document.Token, i int) bool {
	for j := i + 1; j < len(toks); j++ {
		t := toks[j]
		if t.Kind() != document.TokPunct || src[t.Start] != '"' {
			continue
		}
		before := QuoteBefore(src, toks, j)
		if before == SideDigit {
			continue
		}
		return !QuoteOpens(before, QuoteAfter(src, toks, j))
	}
	return false
}

// QuoteBefore classifies what stands before toks[i], looking through
// markup and invisible characters.
func QuoteBefore(src []byte, toks []document.Token, i int) QuoteSide {
	for j := i - 1; j >= 0; j-- {
		t := toks[j]
		switch t.Kind() {
		case document.TokInvisible:
			continue
		case document.TokMarkup:
			if t.Is(document.FlagHasSpace) {
				return SideEdge
			}
			continue
		case document.TokSpace, document.TokNewline:
			return SideEdge
		case document.TokNumber:
			return SideDigit
		case document.TokGap:
			return SideCut
		case document.TokPunct:
			if src[t.Start] == '\\' && t.End() == toks[j+1].Start {
				continue // a Markdown escape: \"
			}
			switch punctClass(src, t) {
			case pOpen, pDash, pOpenQuote:
				return SideOpen
			case pQuote:
				// "'Yes'": the side of a quote is that of what precedes it.
				if c := QuoteBefore(src, toks, j); c == SideEdge || c == SideOpen {
					return SideOpen
				}
				return SideText
			case pClose:
				return SideClose
			}
			return SideText
		}
		return SideText
	}
	return SideEdge
}

// QuoteAfter classifies what stands after toks[i].
func QuoteAfter(src []byte, toks []document.Token, i int) QuoteSide {
	for j := i + 1; j < len(toks); j++ {
		t := toks[j]
		switch t.Kind() {
		case document.TokInvisible:
			continue
		case document.TokMarkup:
			if t.Is(document.FlagHasSpace) {
				return SideEdge
			}
			continue
		case document.TokSpace, document.TokNewline:
			return SideEdge
		case document.TokGap:
			return SideCut
		case document.TokPunct:
			c := src[t.Start]
			if c == '-' && int(t.End()) < len(src) && src[t.End()] != ' ' && src[t.End()] != '-' || IsEllipsis(src, t) {
				return SideText // "-v", "... and then": the quotation starts here
			}
			switch punctClass(src, t) {
			case pClose, pDash:
				return SideClose
			case pQuote:
				if c := QuoteAfter(src, toks, j); c == SideEdge || c == SideClose {
					return SideClose
				}
				return SideText
			}
			return SideText
		}
		return SideText
	}
	return SideEdge
}

// IsEllipsis reports whether the punctuation token t starts an ellipsis:
// it is "…", or a full stop with another right after it.
func IsEllipsis(src []byte, t document.Token) bool {
	c := src[t.Start]
	if c == '.' {
		return int(t.End()) < len(src) && src[t.End()] == '.'
	}
	return c == 0xE2 && t.End()-t.Start == 3 && src[t.Start+1] == 0x80 && src[t.Start+2] == 0xA6
}

// punctuation classes
const (
	pOther = iota
	pOpen
	pClose
	pDash
	pQuote     // straight ' and ", whose direction depends on their own context
	pOpenQuote // “ ‘ „
)

func punctClass(src []byte, t document.Token) int {
	c := src[t.Start]
	if c < 0x80 {
		switch c {
		case '(', '[', '{', '<', '/':
			return pOpen
		case ')', ']', '}', '>', '.', ',', ';', ':', '!', '?':
			return pClose
		case '-':
			return pDash
		case '\'', '"':
			return pQuote
		}
		return pOther
	}
	if c == 0xE2 && t.End()-t.Start == 3 && src[t.Start+1] == 0x80 {
		switch src[t.Start+2] {
		case 0x93, 0x94, 0x95: // – — ―
			return pDash
		case 0x98, 0x9C, 0x9E: // ‘ “ „
			return pOpenQuote
		case 0x99, 0x9D, 0xA6: // ’ ” …
			return pClose
		}
	}
	if c == 0xEF && t.End()-t.Start == 3 && src[t.Start+1] == 0xBC {
		switch src[t.Start+2] {
		case 0x88, 0xBB: // （ ［
			return pOpen
		case 0x89, 0xBD, 0x8C, 0x81, 0x9F, 0x9A, 0x9B: // ） ］ ， ！ ？ ： ；
			return pClose
		}
	}
	if c == 0xE3 && t.End()-t.Start == 3 && src[t.Start+1] == 0x80 {
		switch src[t.Start+2] {
		case 0x90, 0x8C, 0x8E: // 【 「 『
			return pOpen
		case 0x91, 0x8D, 0x8F, 0x82, 0x81: // 】 」 』 。 、
			return pClose
		}
	}
	return pOther
}
