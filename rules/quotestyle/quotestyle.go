// Package quotestyle finds straight and curly quotation marks and
// apostrophes mixed in one document, and converts them to one style.
package quotestyle

import (
	"bytes"
	"fmt"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the quote-style rule.
var Rule = &lint.Rule{
	ID:       "quote-style",
	Category: lint.CategoryTypography,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixMixed,
	Doc: lint.Doc{
		Title: "Straight and curly quotation marks or apostrophes mixed in one document",
		Why: "Text pasted from several sources mixes \"straight\" and “curly” quotes and don't with don’t; the " +
			"mixture looks careless in print and breaks searches. By default the style the document uses most " +
			"wins, for quotation marks and for apostrophes (with single quotes) each on its own, since curly " +
			"quotation marks with typed apostrophes is a consistent house style; set style to curly or straight " +
			"to require one style for both. " +
			"Inch and foot marks after numbers (12\" vinyl, 6' 2\"), code, URLs, front matter other than the " +
			"title and description, and quotation marks in Chinese or Japanese text are left alone.",
		Wrong: "“Ocean Night” drew families, and \"Deep Blue\" drew schools.",
		Right: "“Ocean Night” drew families, and “Deep Blue” drew schools.",
		Fix: "Safe when converting curly marks to straight ones. Unsafe when converting straight marks to curly " +
			"ones: the fix picks “ or ‘ after a space, an opening bracket or a dash and ” or ’ elsewhere, and ’ " +
			"inside words and in elisions such as ’90s and rock ’n’ roll, which a person should check. A straight " +
			"quote that would end a quoted front matter string is not inserted.",
	},
	Options: []lint.OptionDecl{quoteStyle},
	Needs:   document.HasDoubleQuote | document.HasSingleQuote,
	Run:     run,
}

var quoteStyle = lint.StringOption{
	Name: "style", Default: "consistent", Enum: []string{"consistent", "curly", "straight"},
	Doc: "consistent: the document's majority style wins; curly or straight: require that style everywhere.",
}

// mark kinds
const (
	straightDouble = iota // "
	straightSingle        // '
	curlyDouble           // “ ”
	curlySingle           // ‘ ’
)

// A mark is one quotation mark or apostrophe in prose.
type mark struct {
	off    int32
	tok    int32 // index of its token in the block
	block  int32
	kind   uint8
	inWord bool // an apostrophe inside a word token: don't, Museum’s
}

func (m mark) curly() bool { return m.kind >= curlyDouble }

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	var marks []mark
	for bi, b := range pass.Blocks() {
		if b.Tok1 > b.Tok0 {
			plain := doc.Format == document.FormatText || b.Kind == document.KindField
			marks = collect(src, b.Prose, doc.BlockTokens(b), plain, int32(bi), marks)
		}
	}
	if len(marks) == 0 {
		return
	}
	// Double quotes and apostrophes (with single quotes) are two styles a
	// house sets apart: curly quotation marks with typed apostrophes is a
	// consistent choice, a document mixing “this” and "that" is not.
	for _, double := range []bool{true, false} {
		report(pass, marks, double)
	}
}

// count tallies one class of marks and notes the first one.
func count(marks []mark, double bool) (straight, curly, first int) {
	first = -1
	for i, m := range marks {
		if isDouble(m) != double {
			continue
		}
		if first < 0 {
			first = i
		}
		if m.curly() {
			curly++
		} else {
			straight++
		}
	}
	return straight, curly, first
}

func isDouble(m mark) bool { return m.kind == straightDouble || m.kind == curlyDouble }

// report converts the minority style of one class of marks.
func report(pass *lint.Pass, marks []mark, double bool) {
	doc := pass.Doc
	src := doc.Src
	straight, curly, first := count(marks, double)
	if first < 0 {
		return
	}
	class := "quotation marks"
	if !double {
		class = "apostrophes and single quotes"
	}
	style := quoteStyle.Get(pass)
	var why string
	switch style {
	case "curly", "straight":
		why = ", but the configured quote style is " + style
	default:
		if straight == 0 || curly == 0 {
			return
		}
		// A tie has no majority to follow; curly marks, the norm of
		// published text, win it.
		style = "straight"
		if curly >= straight {
			style = "curly"
		}
		why = fmt.Sprintf(" in a document that mostly uses %s %s (%d to %d)", style, class, max(straight, curly), min(straight, curly))
		if curly == straight {
			why = fmt.Sprintf(" in a document that uses as many curly %s as straight ones (%d each); curly marks, the norm in print, win the tie", class, curly)
		}
	}
	toCurly := style == "curly"
	for _, m := range marks {
		if isDouble(m) != double || m.curly() == toCurly {
			continue
		}
		b := &doc.Blocks[m.block]
		old := string(src[m.off : int(m.off)+markLen(m)])
		var repl string
		switch {
		case toCurly:
			repl = curlyFor(src, doc.BlockTokens(b), m)
		case m.kind == curlySingle:
			repl = "'"
		default:
			repl = `"`
		}
		kind := "straight"
		if m.curly() {
			kind = "curly"
		}
		d := lint.Diagnostic{
			Start:   int(m.off),
			End:     int(m.off) + markLen(m),
			Message: fmt.Sprintf("%s %s%s; use %s", kind, old, why, repl),
		}
		if fixable(src, b, m, repl) {
			app := lint.Safe
			edit := lint.Edit{Start: d.Start, End: d.End, NewText: repl}
			if toCurly {
				app = lint.Unsafe
				// A curly quote needs no Markdown escape: \" becomes “.
				if doc.Format == document.FormatMarkdown && edit.Start > 0 && src[edit.Start-1] == '\\' && !m.inWord {
					edit.Start--
				}
			}
			d.Fix = &lint.Fix{
				Message:       fmt.Sprintf("Replace %s with %s", old, repl),
				Applicability: app,
				Edits:         []lint.Edit{edit},
			}
		}
		prose.Report(pass, d)
	}
}

func markLen(m mark) int {
	if m.curly() {
		return 3
	}
	return 1
}

// fixable reports whether replacing a mark keeps the file valid: in a front
// matter title a straight quote could end a quoted YAML or TOML string or
// start one.
func fixable(src []byte, b *document.Block, m mark, repl string) bool {
	if b.Kind != document.KindField || (repl != `"` && repl != "'") {
		return true
	}
	if int(m.off) == b.Prose.Start {
		return false
	}
	if b.Prose.Start > 0 {
		if c := src[b.Prose.Start-1]; c == '"' || c == '\'' {
			return false
		}
	}
	return true
}

// collect appends the quotation marks and apostrophes of a block's prose.
// It looks for the bytes that can start one (' " { and the lead byte of ’)
// and only then at the token around them: quotation marks are rare.
//
// plain says the block's prose has no cut-out code or markup (plain text, a
// front matter field): an apostrophe between two letters there is inside a
// word token, and its token need not be looked up.
func collect(src []byte, span document.Span, toks []document.Token, plain bool, bi int32, marks []mark) []mark {
	if len(toks) == 0 {
		return marks
	}
	lo, hi := span.Start, span.End
	text := src[lo:hi]
	if bytes.IndexByte(text, '`') >= 0 && prose.StrayBacktick(src, toks) {
		return marks
	}
	open := false    // a straight double quotation is open
	skip := int32(0) // the end of a template directive
	ti := 0
	var next [len(candidates)]int // the next position of each candidate byte, -1 when none is left
	for j, c := range candidates {
		next[j] = bytes.IndexByte(text, c)
	}
	for {
		pos, which := -1, 0
		for j, n := range next {
			if n >= 0 && (pos < 0 || n < pos) {
				pos, which = n, j
			}
		}
		if pos < 0 {
			break
		}
		if k := bytes.IndexByte(text[pos+1:], candidates[which]); k >= 0 {
			next[which] = pos + 1 + k
		} else {
			next[which] = -1
		}
		if !candidateAt(text[pos:]) {
			continue // a dash or an ellipsis; a lone brace
		}
		off := int32(lo + pos)
		if off < skip {
			continue
		}
		if plain && pos > 0 && prose.IsASCIILetter(text[pos-1]) {
			// don't, Museum’s: the commonest case, decided on the bytes
			if text[pos] == '\'' && pos+1 < len(text) && prose.IsASCIILetter(text[pos+1]) {
				marks = append(marks, mark{off, -1, bi, straightSingle, true})
				continue
			}
			if pos+3 < len(text) && isRightSingle(text[pos:]) && prose.IsASCIILetter(text[pos+3]) {
				marks = append(marks, mark{off, -1, bi, curlySingle, true})
				continue
			}
		}
		ti = prose.TokenAt(toks, ti, off)
		if ti >= len(toks) {
			continue
		}
		i, t := ti, toks[ti]
		c := text[pos]
		switch t.Kind() {
		case document.TokWord:
			switch {
			case t.Is(document.FlagCJK):
			case c == '\'':
				marks = append(marks, mark{off, int32(i), bi, straightSingle, true})
			case isRightSingle(text[pos:]):
				marks = append(marks, mark{off, int32(i), bi, curlySingle, true})
			}
			continue
		case document.TokPunct:
		default:
			continue // a URL, code, markup
		}
		if c == '{' {
			if e := prose.TemplateEnd(src, toks, i); e >= 0 {
				skip = toks[e].End()
			}
			continue
		}
		var kind uint8
		switch {
		case c == '"':
			kind = straightDouble
		case c == '\'':
			kind = straightSingle
		case c == 0xE2 && t.End()-t.Start == 3 && src[t.Start+1] == 0x80:
			switch src[t.Start+2] {
			case 0x9C, 0x9D:
				kind = curlyDouble
			case 0x98, 0x99:
				kind = curlySingle
			default:
				continue
			}
		default:
			continue
		}
		if cjkBeside(src, toks, i) {
			continue // “” are the quotation marks of Chinese text
		}
		before := prose.QuoteBefore(src, toks, i)
		switch kind {
		case straightSingle:
			// 6' 2": a foot mark; 1990's and '90s are apostrophes.
			if before == prose.SideDigit && !wordFollows(toks, i) {
				continue
			}
		case straightDouble:
			if before == prose.SideDigit {
				// 12" vinyl: an inch mark, unless it closes a quotation.
				if !open || !quotesNumber(src, toks, i) && prose.ClosedLater(src, toks, i) {
					continue
				}
				open = false
				break
			}
			after := prose.QuoteAfter(src, toks, i)
			open = prose.QuoteOpens(before, after) || !open && !prose.QuoteCloses(before, after)
		}
		marks = append(marks, mark{t.Start, int32(i), bi, kind, false})
	}
	return marks
}

// candidateAt reports whether b starts with ' " ’ ‘ ” “ or a template's {{
// or {%, not with a dash, an ellipsis or a lone brace.
func candidateAt(b []byte) bool {
	switch b[0] {
	case 0xE2:
		return len(b) >= 3 && b[1] == 0x80 && (b[2]|1 == 0x99 || b[2]|1 == 0x9D)
	case '{':
		return len(b) >= 2 && (b[1] == '{' || b[1] == '%')
	}
	return true
}

// wordFollows reports whether a word touches toks[i] on the right.
func wordFollows(toks []document.Token, i int) bool {
	return i+1 < len(toks) && toks[i+1].Kind() == document.TokWord && toks[i+1].Start == toks[i].End()
}

// candidates are the bytes that may start a quotation mark or a template.
var candidates = [...]byte{'\'', '"', '{', 0xE2}

func isRightSingle(b []byte) bool {
	return len(b) >= 3 && b[0] == 0xE2 && b[1] == 0x80 && b[2] == 0x99
}

// elisions start with an apostrophe: 'em, 'tis, rock 'n' roll.
var elisions = map[string]bool{
	"em": true, "tis": true, "twas": true, "til": true, "till": true, "cause": true, "bout": true, "round": true,
	"n": true, "neath": true, "nuff": true, "ere": true, "twere": true, "twill": true, "un": true, "ol": true,
	"Tis": true, "Twas": true, "Til": true, "Cause": true, "Em": true, "N": true,
}

// curlyFor picks the curly form of a straight mark from its context.
func curlyFor(src []byte, toks []document.Token, m mark) string {
	if m.inWord {
		return "’"
	}
	i := int(m.tok)
	before := prose.QuoteBefore(src, toks, i)
	opening := before == prose.SideEdge || before == prose.SideOpen
	if m.kind == straightDouble {
		if opening {
			return "“"
		}
		return "”"
	}
	if i+1 < len(toks) && toks[i+1].Start == toks[i].End() {
		next := toks[i+1]
		if next.Kind() == document.TokNumber || next.Kind() == document.TokWord && next.Is(document.FlagDigit) && src[next.Start] >= '0' && src[next.Start] <= '9' {
			return "’" // ’90s
		}
		if opening && next.Kind() == document.TokWord && elisions[string(src[next.Start:next.End()])] {
			return "’" // ’em, ’tis, ’n’
		}
	}
	if opening {
		return "‘"
	}
	return "’"
}

// cjkBeside reports whether a quotation mark touches Chinese or Japanese
// text, where curly quotation marks are the norm.
func cjkBeside(src []byte, toks []document.Token, i int) bool {
	return i > 0 && cjk(src, toks[i-1]) || i+1 < len(toks) && cjk(src, toks[i+1])
}

func cjk(src []byte, t document.Token) bool {
	if t.Kind() == document.TokWord {
		return t.Is(document.FlagCJK)
	}
	if t.Kind() != document.TokPunct || t.End()-t.Start != 3 {
		return false
	}
	c, d := src[t.Start], src[t.Start+1]
	// U+3000–U+303F CJK punctuation, U+FF00–U+FFEF full-width forms
	return c == 0xE3 && d == 0x80 || c == 0xEF && (d == 0xBC || d == 0xBD)
}

// quotesNumber reports whether the straight quote at toks[i] closes a
// quotation of the number alone: "10".
func quotesNumber(src []byte, toks []document.Token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		t := toks[j]
		switch t.Kind() {
		case document.TokNumber, document.TokInvisible:
			continue
		case document.TokPunct:
			switch src[t.Start] {
			case '"':
				return true
			case '-', '+', '$', '#', '.', ',':
				continue
			}
		}
		return false
	}
	return false
}
