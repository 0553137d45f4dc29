// Package unbalancedquotes finds double quotation marks that do not pair
// within a paragraph or title: an opening quote never closed, a closing
// quote never opened, or a curly quote closed by a straight one (“Title").
package unbalancedquotes

import (
	"bytes"
	"fmt"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the unbalanced-quotes rule.
var Rule = &lint.Rule{
	ID:       "unbalanced-quotes",
	Category: lint.CategoryTypography,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixNone,
	Doc: lint.Doc{
		Title: "Double quotation marks that do not pair within a paragraph or title",
		Why: "A quotation that is opened and never closed, closed without being opened, or opened with a curly “ " +
			"and closed with a straight \" is a slip readers see at once, and it hides where a quotation ends. " +
			"The check pairs \" “ ” „ and the guillemets « » ‹ › (German or French order, as the document uses " +
			"them) within each paragraph, title, heading or list item. Apostrophes and single quotes are not " +
			"counted, so \"don't\", \"Museum’s\" and \"’90s\" are fine; inch marks after numbers (12\" vinyl, " +
			"6' 2\") are not quotes; code and template directives are skipped; and the book convention for a " +
			"quotation that runs over several paragraphs, where each paragraph opens with “ and only the last " +
			"closes (after verse, an extract or a signature set apart), is accepted.",
		Wrong: "“Ocean Night\" drew 2,000 visitors to the Harbor City Museum.",
		Right: "“Ocean Night” drew 2,000 visitors to the Harbor City Museum.",
	},
	Run: run,
}

// kinds of double quotation marks
const (
	qStraight = iota // "
	qLeft            // “
	qRight           // ”
	qLow             // „
	// Guillemets open with » in German and with « in French; the first one
	// in a document tells which. A pair differs in its lowest bit.
	qGuilL  // «
	qGuilR  // »
	qGuilSL // ‹
	qGuilSR // ›
)

var glyph = [...]string{`"`, "“", "”", "„", "«", "»", "‹", "›"}

type mark struct {
	off  int
	kind int
}

// maxCarry is how many paragraphs without a quotation mark (verse, an
// extract, a salutation) a quotation left open may run over before a
// paragraph closes it, as quoted letters and speeches in books do.
const maxCarry = 4

// setApartWords is the most words a line of verse, a heading or an
// endorsement inside a quotation has; a longer paragraph is the article's
// own prose, and a quotation open before it was left open.
const setApartWords = 10

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	var stack, lones []mark
	// pending is a quotation left open at the end of a paragraph, which a
	// later paragraph may continue or close.
	var pending *mark
	var pendingBlock *document.Block
	carried := 0
	// setApart: the paragraphs carried over are short, lines of verse or a
	// heading set apart inside the quotation, not prose of the article's own.
	setApart := true
	guillemets := 0 // 1: » opens, as in German; 2: « opens, as in French
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		if b.Tok1 == b.Tok0 {
			continue
		}
		toks := doc.BlockTokens(b)
		text := src[b.Prose.Start:b.Prose.End]
		if bytes.IndexByte(text, '`') >= 0 && prose.StrayBacktick(src, toks) {
			continue
		}
		stack, lones = stack[:0], lones[:0]
		first := -1 // the first quotation mark that is not an inch mark
		skip := -1  // the end of a template directive
		// Only the tokens at bytes that may start a quotation mark are
		// looked at: most paragraphs have none or few.
		cand := newCandidates(text)
		for ti := 0; ; {
			pos := cand.next()
			if pos < 0 {
				break
			}
			ti = prose.TokenAt(toks, ti, int32(b.Prose.Start+pos))
			if ti >= len(toks) {
				break
			}
			i, t := ti, toks[ti]
			if t.Kind() != document.TokPunct || i <= skip || int(t.Start) != b.Prose.Start+pos {
				continue
			}
			if src[t.Start] == '{' {
				skip = prose.TemplateEnd(src, toks, i)
				continue
			}
			k := quoteKind(src, t)
			if k < 0 {
				continue
			}
			off := int(t.Start)
			before, after := prose.QuoteBefore(src, toks, i), prose.QuoteAfter(src, toks, i)
			if before == prose.SideCut && after == prose.SideCut {
				continue // <kbd>"</kbd>: a quotation mark shown as itself
			}
			if first < 0 && (k != qStraight || before != prose.SideDigit) {
				first = off
			}
			top := -1
			if len(stack) > 0 {
				top = stack[len(stack)-1].kind
			}
			opener, closer := prose.QuoteOpens(before, after), prose.QuoteCloses(before, after)
			switch k {
			case qStraight:
				if before == prose.SideDigit {
					// 12" vinyl, 6' 2": an inch mark, unless it closes a quotation
					// of the number alone ("10"), or one that must close before
					// the next quotation opens ("Rust 2015" and "Rust 2018"), or
					// that nothing else closes ("Catch-22" was).
					if top == qStraight && (quotesNumber(src, toks, stack[len(stack)-1].off, i) || !prose.ClosedLater(src, toks, i)) {
						stack = stack[:len(stack)-1]
					}
					continue
				}
				switch {
				case top == qStraight && !opener:
					stack = stack[:len(stack)-1]
				case top == qStraight:
					// "a "nested" quotation": straight quotes cannot show
					// nesting, so a clear opener opens.
					stack = append(stack, mark{off, k})
				case top == qLeft || top == qLow:
					if opener {
						stack = append(stack, mark{off, k})
						continue
					}
					m := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					prose.Report(pass, mismatch(doc, m, mark{off, k}, "a straight"))
				case closer:
					lones = append(lones, mark{off, k})
				case before == prose.SideEdge && after == prose.SideEdge && !moreStraight(src, toks, i):
					// a ditto mark or a stray quote between spaces
				default:
					stack = append(stack, mark{off, k})
				}
			case qLeft:
				if closer && (top == qLow || top == qLeft) {
					// „German“ closes with “; “English“ is a slip.
					m := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					if top == qLeft {
						prose.Report(pass, mismatch(doc, m, mark{off, k}, "an opening"))
					}
					continue
				}
				stack = append(stack, mark{off, k})
			case qGuilL, qGuilR, qGuilSL, qGuilSR:
				if guillemets == 0 {
					guillemets = 2
					if k == qGuilR || k == qGuilSR {
						guillemets = 1
					}
				}
				if (k == qGuilR || k == qGuilSR) == (guillemets == 1) {
					stack = append(stack, mark{off, k})
				} else if top == k^1 {
					stack = stack[:len(stack)-1]
				} else {
					lones = append(lones, mark{off, k})
				}
			case qRight:
				if top >= 0 && top < qGuilL {
					m := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					if top == qStraight {
						prose.Report(pass, mismatch(doc, m, mark{off, k}, "a curly"))
					}
					continue
				}
				if opener {
					// ”Swedish” style opens with ” as well.
					stack = append(stack, mark{off, k})
					continue
				}
				lones = append(lones, mark{off, k})
			case qLow:
				stack = append(stack, mark{off, k})
			}
		}
		running := isRunningProse(b)
		// A block without words (…, ⋮, * * *, a rule) neither continues nor ends
		// a quotation.
		if pending != nil && words(toks) > 0 {
			switch {
			case running && (carried == 0 || setApart) && opensWithQuote(src, toks):
				// Each paragraph of a quotation opens with a quote, also
				// after verse lines, a heading or an endorsement set apart
				// without marks of their own (at most maxCarry of them)...
				pending = nil
			case running && len(lones) > 0 && lones[0].off == first && (carried > 0 || words(toks) <= 6):
				// ... and only the last one closes, after verse, an extract
				// or a salutation set apart, or in a signature.
				lones = lones[1:]
				pending = nil
			case running && first < 0 && carried < maxCarry:
				carried++
				setApart = setApart && words(toks) <= setApartWords
			default:
				prose.Report(pass, unclosed(*pending, pendingBlock))
				pending = nil
			}
		}
		for _, m := range lones {
			prose.Report(pass, lint.Diagnostic{
				Start:   m.off,
				End:     m.off + len(glyph[m.kind]),
				Message: fmt.Sprintf("%s closes a quotation that was never opened in this %s", glyph[m.kind], prose.Noun(b)),
			})
		}
		if len(stack) == 1 && running && pending == nil {
			m := stack[0]
			pending, pendingBlock, carried, setApart = &m, b, 0, true
			continue
		}
		for _, m := range stack {
			prose.Report(pass, unclosed(m, b))
		}
	}
	if pending != nil {
		prose.Report(pass, unclosed(*pending, pendingBlock))
	}
}

func unclosed(m mark, b *document.Block) lint.Diagnostic {
	return lint.Diagnostic{
		Start:   m.off,
		End:     m.off + len(glyph[m.kind]),
		Message: fmt.Sprintf("%s opened here is never closed in this %s", glyph[m.kind], prose.Noun(b)),
	}
}

// isRunningProse reports whether a block is a body paragraph, where a
// quotation may run on into the next one.
func isRunningProse(b *document.Block) bool {
	return b.Role == document.RoleBody && (b.Kind == document.KindParagraph || b.Kind == document.KindQuote || b.Kind == document.KindListItem)
}

// words counts the words of a block.
func words(toks []document.Token) int {
	n := 0
	for _, t := range toks {
		if t.Kind() == document.TokWord || t.Kind() == document.TokNumber {
			n++
		}
	}
	return n
}

// opensWithQuote reports whether a block's first visible character is an
// opening double quote.
func opensWithQuote(src []byte, toks []document.Token) bool {
	for _, t := range toks {
		switch t.Kind() {
		case document.TokSpace, document.TokNewline, document.TokInvisible, document.TokMarkup:
			continue
		case document.TokPunct:
			k := quoteKind(src, t)
			return k >= 0 && k != qRight
		}
		return false
	}
	return false
}

// candidates finds, in order, the bytes that may start a double quotation
// mark or a template: " { and the lead bytes of “ ” „ ‹ › « ».
type candidates struct {
	text []byte
	at   [4]int // the next position of each byte, -1 when none is left
}

var candidateBytes = [4]byte{'"', '{', 0xE2, 0xC2}

func newCandidates(text []byte) candidates {
	c := candidates{text: text}
	for j, b := range candidateBytes {
		c.at[j] = bytes.IndexByte(text, b)
	}
	return c
}

// next returns the position of the next candidate, or -1.
func (c *candidates) next() int {
	for {
		pos, which := -1, 0
		for j, n := range c.at {
			if n >= 0 && (pos < 0 || n < pos) {
				pos, which = n, j
			}
		}
		if pos < 0 {
			return -1
		}
		if k := bytes.IndexByte(c.text[pos+1:], candidateBytes[which]); k >= 0 {
			c.at[which] = pos + 1 + k
		} else {
			c.at[which] = -1
		}
		t := c.text[pos:]
		switch t[0] {
		case 0xE2: // “ ” „ ‹ ›, not dashes and apostrophes
			if len(t) < 3 || t[1] != 0x80 || (t[2] < 0x9C || t[2] > 0x9E) && t[2] != 0xB9 && t[2] != 0xBA {
				continue
			}
		case 0xC2: // « », not no-break spaces
			if len(t) < 2 || t[1] != 0xAB && t[1] != 0xBB {
				continue
			}
		case '{':
			if len(t) < 2 || t[1] != '{' && t[1] != '%' {
				continue
			}
		}
		return pos
	}
}

// quoteKind returns the kind of double quotation mark a punctuation token
// is, or -1.
func quoteKind(src []byte, t document.Token) int {
	c := src[t.Start]
	if c == '"' {
		return qStraight
	}
	if c == 0xC2 && t.End()-t.Start == 2 {
		switch src[t.Start+1] {
		case 0xAB:
			return qGuilL
		case 0xBB:
			return qGuilR
		}
		return -1
	}
	if c != 0xE2 || t.End()-t.Start != 3 || src[t.Start+1] != 0x80 {
		return -1
	}
	switch src[t.Start+2] {
	case 0x9C:
		return qLeft
	case 0x9D:
		return qRight
	case 0x9E:
		return qLow
	case 0xB9:
		return qGuilSL
	case 0xBA:
		return qGuilSR
	}
	return -1
}

func mismatch(doc *document.Document, open, close mark, how string) lint.Diagnostic {
	ol, _ := doc.Position(open.off)
	cl, cc := doc.Position(close.off)
	where := fmt.Sprintf("column %d", cc)
	end := open.off + len(glyph[open.kind])
	if cl != ol {
		where = fmt.Sprintf("line %d, column %d", cl, cc)
	} else {
		end = close.off + len(glyph[close.kind])
	}
	return lint.Diagnostic{
		Start:   open.off,
		End:     end,
		Message: fmt.Sprintf("%s closed by %s %s at %s", glyph[open.kind], how, glyph[close.kind], where),
	}
}

// quotesNumber reports whether the quote at open stands right before the
// number that ends at toks[i-1]: "10", "2.5", "-3".
func quotesNumber(src []byte, toks []document.Token, open, i int) bool {
	for j := i - 1; j >= 0; j-- {
		t := toks[j]
		if int(t.Start) <= open {
			return int(t.Start) == open
		}
		switch t.Kind() {
		case document.TokNumber, document.TokInvisible:
			continue
		case document.TokPunct:
			if c := src[t.Start]; c == '-' || c == '+' || c == '$' || c == '#' || c == '.' || c == ',' {
				continue
			}
		}
		return false
	}
	return false
}

// moreStraight reports whether a straight double quote follows toks[i].
func moreStraight(src []byte, toks []document.Token, i int) bool {
	for _, t := range toks[i+1:] {
		if t.Kind() == document.TokPunct && src[t.Start] == '"' {
			return true
		}
	}
	return false
}
