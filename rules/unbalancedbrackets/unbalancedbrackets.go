// Package unbalancedbrackets finds parentheses and brackets, half-width and
// full-width, that are opened or closed without their partner in the same
// paragraph: "the Museum (HCMST opened", "the Museum HCMST) opened".
package unbalancedbrackets

import (
	"bytes"
	"fmt"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the unbalanced-brackets rule.
var Rule = &lint.Rule{
	ID:       "unbalanced-brackets",
	Category: lint.CategoryTypography,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixNone,
	Doc: lint.Doc{
		Title: "A parenthesis or bracket without its partner in the same paragraph",
		Why: "An opening parenthesis that is never closed, or a closing one that was never opened, leaves the reader " +
			"unsure where an aside ends, and often marks text lost in editing. The check pairs ( ) [ ] { } and the " +
			"full-width （ ） ［ ］ ｛ ｝ 【 】 〔 〕 〖 〗 within each paragraph, title, heading or list item, and " +
			"reports a full-width bracket closed by a half-width one. List labels such as \"1)\", \"a)\" and \"iv)\", " +
			"emoticons such as \":-)\", half-open intervals such as \"[0, 1)\", Markdown link syntax and code are " +
			"not counted, a call's quoted argument (\"join(', ')\") pairs its parentheses, a brace may close a " +
			"template placeholder \"${\", and an aside that runs on into the next paragraph may close there.",
		Wrong: "Anna Berg, director of the Harbor City Museum (HCMST, led the delegation.",
		Right: "Anna Berg, director of the Harbor City Museum (HCMST), led the delegation.",
	},
	Needs: document.HasBracket,
	Run:   run,
}

// bracket families; the lowest bit of a kind tells the closing partner,
// and full-width forms are marked separately.
const (
	famRound = iota
	famSquare
	famCurly
	famLenticular // 【 】
	famTortoise   // 〔 〕
	famWhiteLenticular
)

type bracket struct {
	fam   int
	open  bool
	full  bool // full-width
	width int  // bytes
}

type mark struct {
	off int
	b   bracket
}

// maxCarry is how many paragraphs with brackets an aside left open may run
// on before a paragraph closes it; paragraphs without any are not counted.
const maxCarry = 2

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	var stack, lones, pending []mark
	var pendingBlock *document.Block
	carried := 0
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		if !pass.MayFind(b) {
			continue // not pass.Blocks: the appends below would move stack and lones to the heap
		}
		toks := doc.BlockTokens(b)
		if len(toks) == 0 || prose.TeX(src, toks) {
			continue // TeX math pairs its own braces and brackets
		}
		stack, lones = stack[:0], lones[:0]
		labels, weak := 0, []mark(nil)
		brackets := false
		for i, t := range toks {
			if t.Kind() != document.TokPunct {
				continue
			}
			br, ok := classify(src, t)
			if !ok {
				continue
			}
			brackets = true
			off := int(t.Start)
			if emoticon(src, toks, i) || template(src, toks, i) {
				continue
			}
			if mentioned(src, toks, i, br) {
				if !br.open && len(stack) > 0 && quotedArgument(src, toks, i, stack[len(stack)-1], br) {
					stack = stack[:len(stack)-1] // "join(', ')": the quote closes an argument, the bracket the call
				}
				continue
			}
			if br.open {
				stack = append(stack, mark{off, br})
				continue
			}
			if len(stack) > 0 && stack[len(stack)-1].b.fam != br.fam && interval(src, toks, stack[len(stack)-1], br, i) {
				stack = stack[:len(stack)-1]
				continue
			}
			if k := match(stack, br.fam); k >= 0 {
				m := stack[k]
				for _, u := range stack[k+1:] {
					prose.Report(pass, unclosed(u, b))
				}
				stack = stack[:k]
				if m.b.full != br.full {
					prose.Report(pass, widthMismatch(doc, m, mark{off, br}))
				}
				continue
			}
			if br.fam == famRound {
				switch label(src, toks, i) {
				case labelStrong:
					labels++
					continue
				case labelWeak:
					labels++
					weak = append(weak, mark{off, br})
					continue
				}
			}
			if named(toks, i) {
				continue // "missing )": a closer standing alone that closes nothing is named
			}
			if br.fam == famCurly && interpolation(src, b.Start, off) {
				continue // "${name`).join(', ')}": the end of a template literal's placeholder
			}
			lones = append(lones, mark{off, br})
		}
		if !brackets {
			// A paragraph without brackets neither closes an aside left
			// open nor counts towards the paragraphs it may run on.
			continue
		}
		// "choose a) or b)": single-letter labels count when there are two.
		if labels < 2 {
			lones = mergeSorted(lones, weak)
		}
		if (len(lones) > 0 || len(stack) > 0) && prose.StrayBacktick(src, toks) {
			// Code whose backticks Markdown could not pair is not prose.
			continue
		}
		running := b.Role == document.RoleBody && (b.Kind == document.KindParagraph || b.Kind == document.KindQuote || b.Kind == document.KindListItem)
		if len(pending) > 0 {
			// An aside that runs over paragraphs closes in a later one.
			for len(pending) > 0 && len(lones) > 0 && running && pending[len(pending)-1].b.fam == lones[0].b.fam {
				pending, lones = pending[:len(pending)-1], lones[1:]
			}
			switch {
			case len(pending) == 0:
			case running && carried < maxCarry && len(lones) == 0:
				carried++
			default:
				for _, m := range pending {
					prose.Report(pass, unclosed(m, pendingBlock))
				}
				pending = pending[:0]
			}
		}
		for _, m := range lones {
			prose.Report(pass, lint.Diagnostic{
				Start:   m.off,
				End:     m.off + m.b.width,
				Message: fmt.Sprintf("%s closes a bracket that was never opened in this %s", src[m.off:m.off+m.b.width], prose.Noun(b)),
			})
		}
		if len(stack) > 0 && running && len(pending) == 0 {
			pending = append(pending, stack...)
			pendingBlock, carried = b, 0
			continue
		}
		for _, m := range stack {
			prose.Report(pass, unclosed(m, b))
		}
	}
	for _, m := range pending {
		prose.Report(pass, unclosed(m, pendingBlock))
	}
}

func mergeSorted(a, b []mark) []mark {
	if len(b) == 0 {
		return a
	}
	out := make([]mark, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].off < b[0].off {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

func match(stack []mark, fam int) int {
	for k := len(stack) - 1; k >= 0; k-- {
		if stack[k].b.fam == fam {
			return k
		}
	}
	return -1
}

func unclosed(m mark, b *document.Block) lint.Diagnostic {
	return lint.Diagnostic{
		Start:   m.off,
		End:     m.off + m.b.width,
		Message: fmt.Sprintf("%s opened here is never closed in this %s", glyph(m.b), prose.Noun(b)),
	}
}

func widthMismatch(doc *document.Document, open, close mark) lint.Diagnostic {
	ol, _ := doc.Position(open.off)
	cl, cc := doc.Position(close.off)
	where := fmt.Sprintf("column %d", cc)
	if cl != ol {
		where = fmt.Sprintf("line %d, column %d", cl, cc)
	}
	how := "a half-width"
	if close.b.full {
		how = "a full-width"
	}
	return lint.Diagnostic{
		Start:   open.off,
		End:     open.off + open.b.width,
		Message: fmt.Sprintf("%s closed by %s %s at %s; use %s", glyph(open.b), how, glyph(close.b), where, glyph(bracket{fam: open.b.fam, full: open.b.full})),
	}
}

var glyphs = [...][2][2]string{ // [fam][full][open]
	famRound:           {{")", "("}, {"）", "（"}},
	famSquare:          {{"]", "["}, {"］", "［"}},
	famCurly:           {{"}", "{"}, {"｝", "｛"}},
	famLenticular:      {{"】", "【"}, {"】", "【"}},
	famTortoise:        {{"〕", "〔"}, {"〕", "〔"}},
	famWhiteLenticular: {{"〗", "〖"}, {"〗", "〖"}},
}

func glyph(b bracket) string {
	f, o := 0, 0
	if b.full {
		f = 1
	}
	if b.open {
		o = 1
	}
	return glyphs[b.fam][f][o]
}

// classify tells whether a punctuation token is a bracket, and which.
func classify(src []byte, t document.Token) (bracket, bool) {
	c := src[t.Start]
	switch c {
	case '(':
		return bracket{famRound, true, false, 1}, true
	case ')':
		return bracket{famRound, false, false, 1}, true
	case '[':
		return bracket{famSquare, true, false, 1}, true
	case ']':
		return bracket{famSquare, false, false, 1}, true
	case '{':
		return bracket{famCurly, true, false, 1}, true
	case '}':
		return bracket{famCurly, false, false, 1}, true
	case 0xEF:
		if t.End()-t.Start == 3 && src[t.Start+1] == 0xBC {
			switch src[t.Start+2] {
			case 0x88:
				return bracket{famRound, true, true, 3}, true
			case 0x89:
				return bracket{famRound, false, true, 3}, true
			case 0xBB:
				return bracket{famSquare, true, true, 3}, true
			case 0xBD:
				return bracket{famSquare, false, true, 3}, true
			}
		}
		if t.End()-t.Start == 3 && src[t.Start+1] == 0xBD {
			switch src[t.Start+2] {
			case 0x9B:
				return bracket{famCurly, true, true, 3}, true
			case 0x9D:
				return bracket{famCurly, false, true, 3}, true
			}
		}
	case 0xE3:
		if t.End()-t.Start == 3 && src[t.Start+1] == 0x80 {
			switch src[t.Start+2] {
			case 0x90:
				return bracket{famLenticular, true, true, 3}, true
			case 0x91:
				return bracket{famLenticular, false, true, 3}, true
			case 0x94:
				return bracket{famTortoise, true, true, 3}, true
			case 0x95:
				return bracket{famTortoise, false, true, 3}, true
			case 0x96:
				return bracket{famWhiteLenticular, true, true, 3}, true
			case 0x97:
				return bracket{famWhiteLenticular, false, true, 3}, true
			}
		}
	}
	return bracket{}, false
}

// emoticon reports whether the bracket at toks[i] is the mouth of a
// smiley: :) :-) ;) =) :( :-( :] 8-)
func emoticon(src []byte, toks []document.Token, i int) bool {
	c := src[toks[i].Start]
	if c != ')' && c != '(' && c != ']' && c != '[' {
		return false
	}
	j := i - 1
	if j >= 0 && toks[j].Kind() == document.TokPunct && (src[toks[j].Start] == '-' || src[toks[j].Start] == '\'') && toks[j].End() == toks[i].Start {
		j-- // the nose, or a tear
	}
	if j < 0 || toks[j].End() != toks[j+1].Start {
		return false
	}
	switch t := toks[j]; t.Kind() {
	case document.TokPunct:
		e := src[t.Start]
		if e != ':' && e != ';' && e != '=' {
			return false
		}
		// "(in that phrase;)" and "(see step 3:)" are not faces.
		return j == 0 || toks[j-1].Kind() == document.TokSpace || toks[j-1].Kind() == document.TokNewline
	case document.TokNumber:
		// 8-) but not 8)
		return j < i-1 && t.End()-t.Start == 1 && src[t.Start] == '8'
	}
	return false
}

// template reports whether a brace is half of a template delimiter: {{ }}
// {% %}.
func template(src []byte, toks []document.Token, i int) bool {
	c := src[toks[i].Start]
	if c != '{' && c != '}' {
		return false
	}
	if i+1 < len(toks) && toks[i+1].Start == toks[i].End() {
		if n := src[toks[i+1].Start]; c == '{' && (n == '{' || n == '%') || c == '}' && n == '}' {
			return true
		}
	}
	if i > 0 && toks[i-1].End() == toks[i].Start {
		if p := src[toks[i-1].Start]; c == '}' && (p == '}' || p == '%') || c == '{' && p == '{' {
			return true
		}
	}
	return false
}

// mentioned reports whether a bracket is quoted as a character ("(",
// “)”) or ends or starts a quoted snippet of code ("for range s {").
func mentioned(src []byte, toks []document.Token, i int, br bracket) bool {
	q := quoteAt(src, toks, i+1, toks[i].End())
	p := quoteAt(src, toks, i-1, toks[i].Start)
	if q != 0 && p != 0 {
		return true
	}
	if br.open {
		// a closing quote right after, then a space or the end
		return q != qNone && q != qOpen && (i+2 >= len(toks) || isSpace(toks[i+2]))
	}
	// an opening quote right before, after a space or at the start
	return p != qNone && p != qClose && (i < 2 || isSpace(toks[i-2]))
}

// quotedArgument reports whether the closer at toks[i], right after a
// quotation mark, closes the bracket open that was opened right before
// one: a quoted argument in a call, "join(', ')", "get(\"id\")". The quote
// ends the argument; the bracket is not the one being mentioned.
func quotedArgument(src []byte, toks []document.Token, i int, open mark, br bracket) bool {
	if open.b.fam != br.fam || i == 0 || quoteAt(src, toks, i-1, toks[i].Start) == qNone {
		return false
	}
	e := open.off + open.b.width
	return e < len(src) && (src[e] == '\'' || src[e] == '"')
}

// interpolation reports whether a "${" placeholder opens between the
// block's start and the brace at off with no closing brace between them:
// template code (JavaScript, shell) outside backticks, or half inside a
// code span, whose placeholder the brace closes.
func interpolation(src []byte, start, off int) bool {
	k := bytes.LastIndex(src[start:off], []byte("${"))
	return k >= 0 && bytes.IndexByte(src[start+k:off], '}') < 0
}

const (
	qNone = iota
	qStraight
	qOpen
	qClose
)

// quoteAt classifies toks[j] as a quotation mark touching the bracket.
func quoteAt(src []byte, toks []document.Token, j int, touch int32) int {
	if j < 0 || j >= len(toks) {
		return qNone
	}
	t := toks[j]
	if t.Kind() != document.TokPunct || t.Start != touch && t.End() != touch {
		return qNone
	}
	c := src[t.Start]
	if c == '"' || c == '\'' {
		return qStraight
	}
	if c == 0xE2 && t.End()-t.Start == 3 && src[t.Start+1] == 0x80 {
		switch src[t.Start+2] {
		case 0x98, 0x9C:
			return qOpen
		case 0x99, 0x9D:
			return qClose
		}
	}
	return qNone
}

func isSpace(t document.Token) bool {
	return t.Kind() == document.TokSpace || t.Kind() == document.TokNewline
}

// label strengths of a closing parenthesis after a list label
const (
	labelNone = iota
	labelWeak
	labelStrong
)

// label tells whether the ")" at toks[i] ends a list label: "1)", "2a)",
// "iv)" anywhere, "a)" at the start of a line or after a colon.
func label(src []byte, toks []document.Token, i int) int {
	if i == 0 {
		return labelNone
	}
	t := toks[i-1]
	if t.End() != toks[i].Start {
		return labelNone
	}
	// what precedes the label: the start of a line or a space
	atLine, afterSpace := true, true
	if i >= 2 {
		p := toks[i-2]
		switch p.Kind() {
		case document.TokNewline:
		case document.TokSpace:
			atLine = i == 2 || toks[i-3].Kind() == document.TokNewline
		case document.TokMarkup:
			atLine = p.Is(document.FlagHasSpace)
			afterSpace = atLine
		default:
			atLine, afterSpace = false, false
		}
	}
	if !afterSpace {
		return labelNone
	}
	w := src[t.Start:t.End()]
	switch t.Kind() {
	case document.TokNumber:
		if len(w) <= 3 {
			return labelStrong
		}
	case document.TokWord:
		switch {
		case t.Is(document.FlagDigit) && len(w) <= 3 && w[0] >= '0' && w[0] <= '9':
			return labelStrong // 1a)
		case roman(w):
			return labelStrong
		case len(w) == 1:
			if atLine || afterColon(src, toks, i-2) {
				return labelStrong
			}
			return labelWeak
		}
	}
	return labelNone
}

func afterColon(src []byte, toks []document.Token, j int) bool {
	for ; j >= 0; j-- {
		switch toks[j].Kind() {
		case document.TokSpace:
			continue
		case document.TokPunct:
			c := src[toks[j].Start]
			return c == ':' || c == ';'
		}
		return false
	}
	return false
}

var romans = map[string]bool{}

func init() {
	for _, r := range []string{"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"} {
		romans[r] = true
		up := []byte(r)
		for k := range up {
			up[k] -= 'a' - 'A'
		}
		romans[string(up)] = true
	}
}

func roman(w []byte) bool { return len(w) <= 5 && romans[string(w)] }

// interval reports whether a "[" closed by ")" (or "(" by "]") encloses a
// half-open interval such as [0, 1) or (a, b].
func interval(src []byte, toks []document.Token, open mark, close bracket, i int) bool {
	if open.b.full || close.full || open.b.fam+close.fam != famRound+famSquare {
		return false
	}
	commas, items := 0, 0
	for j := i - 1; j >= 0 && int(toks[j].Start) > open.off; j-- {
		t := toks[j]
		switch t.Kind() {
		case document.TokSpace:
		case document.TokNumber, document.TokGap:
			items++
		case document.TokWord:
			if t.End()-t.Start > 3 {
				return false
			}
			items++
		case document.TokPunct:
			switch c := src[t.Start]; {
			case c == ',':
				commas++
			case c == '-' || c == '.' || c == '+':
			case t.End()-t.Start == 3 && src[t.Start] == 0xE2 && src[t.Start+1] == 0x88 && src[t.Start+2] == 0x9E: // ∞
				items++
			case t.End()-t.Start == 3 && src[t.Start] == 0xE2 && src[t.Start+1] == 0x88 && src[t.Start+2] == 0x92: // −
			default:
				return false
			}
		default:
			return false
		}
	}
	return commas == 1 && items == 2
}

// named reports a bracket with a space before it and a space, a line break
// or the block's end after it: it encloses nothing, so the text names it.
func named(toks []document.Token, i int) bool {
	return i > 0 && toks[i-1].Kind() == document.TokSpace && (i+1 >= len(toks) || isSpace(toks[i+1]))
}
