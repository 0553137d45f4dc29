// Package spacebeforepunctuation finds a space before a comma, full stop,
// semicolon, colon, exclamation or question mark or closing parenthesis, or
// after an opening parenthesis ("museum , and", "( free )"), and removes it.
package spacebeforepunctuation

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the space-before-punctuation rule.
var Rule = &lint.Rule{
	ID:       "space-before-punctuation",
	Category: lint.CategoryTypography,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixSafe,
	Doc: lint.Doc{
		Title: "A space before , . ; : ! ? or ), or after (",
		Why: "In English a mark of punctuation sits right after the word it follows, and parentheses hug " +
			"what they enclose; a space before the mark lets a line break leave the mark stranded at the start " +
			"of the next line. Left alone: ellipses (\" ...\", \". . .\"), a leading dot (\".5\", \".NET\", \".org\"), " +
			"indentation, emoticons (\":)\", \":-(\", \":>\"), conditional expressions (\"a ? b : c\"), ratios and scores (\"3 : 1\"), columns aligned with several " +
			"spaces, and French typography: a no-break or thin space before ; : ! ? is always kept, and with " +
			"locale fr any space is.",
		Wrong: "The museum , which opened in 1952 , will close ( for two weeks ) in May .",
		Right: "The museum, which opened in 1952, will close (for two weeks) in May.",
		Fix: "Safe: deletes the space. When the comma is glued to the next word (\"museum ,and\"), the space " +
			"moves to after the comma instead.",
	},
	Options: []lint.OptionDecl{locale, allowBefore},
	Needs:   document.HasSpaceBeforePunct,
	Run:     run,
}

var (
	locale = lint.StringOption{
		Name: "locale", Default: "en", Enum: []string{"en", "fr"},
		Doc: "fr keeps a space (ordinary, no-break or thin) before ; : ! ?, as French typography asks (\"Bonjour !\").",
	}
	allowBefore = lint.StringsOption{
		Name: "allow-before", Default: []string{},
		Doc: "Marks a space may precede, e.g. [\"!\", \"?\"] for text that follows French spacing only there.",
	}
)

// settings are the options resolved for one document.
type settings struct {
	allow [128]bool // a space before this ASCII mark is fine
}

func resolve(pass *lint.Pass) settings {
	var s settings
	if locale.Get(pass) == "fr" {
		for _, c := range ";:!?" {
			s.allow[c] = true
		}
	}
	for _, m := range allowBefore.Get(pass) {
		for _, c := range m {
			if c < utf8.RuneSelf {
				s.allow[c] = true
			}
		}
	}
	return s
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	set := resolve(pass)
	for _, b := range pass.Blocks() {
		if b.Role == document.RoleDate {
			continue // "Date : 2025-03-14" is the export's, for the date rules
		}
		toks := doc.BlockTokens(b)
		if prose.TeX(src, toks) {
			continue // TeX math: "\left( x \right)"
		}
		for i := 1; i+1 < len(toks); i++ {
			t := toks[i]
			if t.Kind() != document.TokSpace {
				continue
			}
			next := toks[i+1]
			if next.Kind() == document.TokPunct {
				switch c := src[next.Start]; c {
				case ',', '.', ';', ':', '!', '?', ')':
					if !set.allow[c] {
						before(pass, toks, i, c)
					}
				}
			}
			if p := toks[i-1]; p.Kind() == document.TokPunct && src[p.Start] == '(' {
				afterParen(pass, toks, i)
			}
		}
	}
}

// lineStart reports whether the space toks[i] is indentation: nothing but
// a line break or a quote marker comes before it in the block.
func lineStart(toks []document.Token, i int) bool {
	p := toks[i-1]
	return p.Kind() == document.TokNewline || p.Kind() == document.TokMarkup && p.Is(document.FlagHasSpace)
}

// before checks the space toks[i] before the mark c at toks[i+1].
func before(pass *lint.Pass, toks []document.Token, i int, c byte) {
	src := pass.Doc.Src
	sp, mark, prev := toks[i], toks[i+1], toks[i-1]
	if lineStart(toks, i) || opening(src, prev) || thinOnly(src[sp.Start:sp.End()]) {
		return // a hair or thin space before a mark is the typesetter's choice
	}
	if prev.Kind() == document.TokPunct && sentenceMark(src[prev.Start]) {
		return // "Rust 2021: ?", a mark standing for a missing word
	}
	if prev.Kind() == document.TokLiteral && bareLink(src[prev.Start:prev.End()]) {
		// "see https://example.org/a ." keeps the mark out of the link
		// that autolinking would make of it: a space there is deliberate.
		return
	}
	var after byte // the byte after the mark; 0 at the end of the block
	var nextTok *document.Token
	if i+2 < len(toks) {
		nextTok = &toks[i+2]
		after = src[nextTok.Start]
	}
	ends := nextTok == nil || nextTok.Kind() == document.TokSpace || nextTok.Kind() == document.TokNewline ||
		nextTok.Kind() == document.TokGap || nextTok.Kind() == document.TokMarkup || closing(src, nextTok)
	// "?!", " ?.": another mark follows, and the sentence ends there.
	marks := nextTok != nil && nextTok.Kind() == document.TokPunct && sentenceMark(after)
	odd := onlyOddSpace(src[sp.Start:sp.End()])
	moveComma := false
	if (c == '.' || c == '!' || c == '?') && lowerAfter(src, toks, i+2) {
		return // "add a ? as in", a mark named as a symbol; a sentence does not go on in lower case
	}
	if c == ')' {
		k := i - 1
		for k > 0 && (toks[k].Kind() == document.TokPunct || toks[k].Kind() == document.TokMarkup) && i-k <= 4 {
			k--
		}
		if k > 0 && symbolInParens(src, toks, k-1) {
			return // "( / )"
		}
	}
	if c == ')' && (nextTok == nil || nextTok.Kind() == document.TokSpace || nextTok.Kind() == document.TokNewline) && !openBefore(src, toks, i) {
		return // "missing )": a bracket standing alone that closes nothing is named
	}
	if (c == '?' || c == ':') && (codeAround(src, toks, i) || ternary(src, toks, i, c)) {
		return // "b ? True() : False()", "NAME ? NAME : ''": an operator between code
	}
	switch c {
	case '.':
		if after == '.' || prev.Kind() == document.TokPunct && src[prev.Start] == '.' || spacedDot(src, toks, i+2) {
			return // " ...", ". . ."
		}
		if !ends && !marks {
			return // ".5", ".NET", ".org", ".mp3"
		}
		if numberAfter(toks, i+2) {
			return // ". 5", "3 . 5": a number set loosely, in a table or a list
		}
	case ',':
		switch {
		case ends:
		case nextTok.Kind() == document.TokWord:
			moveComma = true // "museum ,and"
		default:
			return // ",,Zitat''", " ,5", "50 ,-"
		}
	case ';', ':', '!', '?':
		if odd {
			return // French typography: a no-break or thin space before ; : ! ?
		}
		if !ends && !marks {
			return // ":tada:", "!important", "?q="
		}
		if c == ':' || c == ';' {
			if r := glyphAfter(src, nextTok); strings.ContainsRune(")]}('\"*_|/\\<>", r) {
				return // ":)", ";-)", ":'(", ":*", ":/", ":>", and ":&gt;" in HTML
			}
		}
		if c == ':' && (sp.End()-sp.Start > 1 || src[sp.Start] == '\t') {
			return // "Venue     : Harbor Hall", a column of labels
		}
		if c == ':' && prev.Kind() == document.TokNumber && numberAfter(toks, i+2) {
			return // a ratio or a score: "3 : 1"
		}
	case ')':
		if prev.Kind() == document.TokPunct && src[prev.Start] == '(' {
			return // "( )", a blank to fill in
		}
		if emoticon(src, prev) {
			return // "(a joke :) )"
		}
	}
	name := markName(c)
	d := lint.Diagnostic{
		Start:   int(sp.Start),
		End:     int(mark.End()),
		Message: fmt.Sprintf("space before %s; remove it", name),
		Fix: &lint.Fix{
			Message:       "Remove the space before the " + shortName(c),
			Applicability: lint.Safe,
			Edits:         []lint.Edit{{Start: int(sp.Start), End: int(sp.End())}},
		},
	}
	if c == ')' {
		d.Message = "space before a closing parenthesis; remove it"
	}
	if moveComma {
		d.Message = "space before a comma instead of after it; move it"
		d.Fix.Message = "Move the space to after the comma"
		d.Fix.Edits = append(d.Fix.Edits, lint.Edit{Start: int(mark.End()), End: int(mark.End()), NewText: " "})
	}
	prose.Report(pass, d)
}

// afterParen checks the space toks[i] after an opening parenthesis.
func afterParen(pass *lint.Pass, toks []document.Token, i int) {
	src := pass.Doc.Src
	sp, paren := toks[i], toks[i-1]
	next := toks[i+1]
	switch next.Kind() {
	case document.TokNewline, document.TokGap, document.TokMarkup:
		return
	case document.TokPunct:
		if src[next.Start] == ')' {
			return // "( )"
		}
	}
	if paren.Start > 0 {
		switch src[paren.Start-1] {
		case ':', ';', '=', '-', '\'':
			return // ":(", ":-(", ";("
		}
	}
	if symbolInParens(src, toks, i-1) {
		return // "( / )": spaces set apart a symbol the text names
	}
	prose.Report(pass, lint.Diagnostic{
		Start:   int(paren.Start),
		End:     int(sp.End()),
		Message: "space after an opening parenthesis; remove it",
		Fix: &lint.Fix{
			Message:       "Remove the space after the parenthesis",
			Applicability: lint.Safe,
			Edits:         []lint.Edit{{Start: int(sp.Start), End: int(sp.End())}},
		},
	})
}

func markName(c byte) string {
	switch c {
	case ',':
		return "a comma"
	case '.':
		return "a full stop"
	case ';':
		return "a semicolon"
	case ':':
		return "a colon"
	case '!':
		return "an exclamation mark"
	case '?':
		return "a question mark"
	}
	return "a closing parenthesis"
}

func shortName(c byte) string {
	n := markName(c)
	return n[strings.IndexByte(n, ' ')+1:]
}

func sentenceMark(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '!', '?':
		return true
	}
	return false
}

// opening reports whether t is an opening bracket or quote, after which a
// space before a mark is someone's layout, not a slip.
func opening(src []byte, t document.Token) bool {
	if t.Kind() != document.TokPunct {
		return false
	}
	r, _ := utf8.DecodeRune(src[t.Start:t.End()])
	switch r {
	case '(', '[', '{', '“', '‘', '«', '‹', '„', '—', '–', '-', '/', '|', '&', '·', '•':
		return true
	}
	return false
}

// closing reports whether t closes something: after the mark, the text ends.
func closing(src []byte, t *document.Token) bool {
	if t.Kind() != document.TokPunct {
		return false
	}
	r, _ := utf8.DecodeRune(src[t.Start:t.End()])
	switch r {
	case ')', ']', '}', '”', '’', '»', '›', '"', '\'', '*', '_':
		return true
	}
	return false
}

// spacedDot reports whether toks[k] is a space followed by a full stop: the
// first dot of a spaced ellipsis ". . .".
func spacedDot(src []byte, toks []document.Token, k int) bool {
	return k+1 < len(toks) && toks[k].Kind() == document.TokSpace && toks[k+1].Kind() == document.TokPunct && src[toks[k+1].Start] == '.'
}

func numberAfter(toks []document.Token, k int) bool {
	return k+1 < len(toks) && toks[k].Kind() == document.TokSpace && toks[k+1].Kind() == document.TokNumber
}

// emoticon reports whether the mark t ends a smiley such as ":)" or ";-(".
func emoticon(src []byte, t document.Token) bool {
	if t.Kind() != document.TokPunct || t.Start == 0 {
		return false
	}
	c := src[t.Start]
	if c != ')' && c != '(' {
		return false
	}
	switch src[t.Start-1] {
	case ':', ';', '=', '-':
		return true
	}
	return false
}

// onlyOddSpace reports whether b holds no ordinary space or tab: a no-break,
// narrow no-break or thin space set on purpose.
func onlyOddSpace(b []byte) bool {
	for _, c := range b {
		if c == ' ' || c == '\t' {
			return false
		}
	}
	return true
}

// thinOnly reports whether b holds only spaces narrower than a word space
// (thin, hair, narrow no-break, six-per-em), which typesetters put before
// marks on purpose.
func thinOnly(b []byte) bool {
	for len(b) > 0 {
		r, w := utf8.DecodeRune(b)
		switch r {
		case 0x2006, 0x2008, 0x2009, 0x200A, 0x202F:
		default:
			return false
		}
		b = b[w:]
	}
	return true
}

// lowerAfter reports whether toks[k] is a space followed by a lower-case word.
func lowerAfter(src []byte, toks []document.Token, k int) bool {
	if k+1 >= len(toks) || toks[k].Kind() != document.TokSpace || toks[k+1].Kind() != document.TokWord || toks[k+1].Is(document.FlagUpper) {
		return false
	}
	r, _ := utf8.DecodeRune(src[toks[k+1].Start:toks[k+1].End()])
	return unicode.IsLower(r)
}

// codeAround reports a code token (True(), std::x) on either side of the
// mark after the space toks[i], past one space: the mark is an operator.
func codeAround(src []byte, toks []document.Token, i int) bool {
	for _, k := range []int{i - 1, i + 3} {
		if k >= 0 && k < len(toks) && toks[k].Code(src) {
			return true
		}
	}
	return false
}

// glyphAfter returns the character the token t stands for when it is a
// mark glued to the one before: the mark itself, or the character an HTML
// entity reference spells (":&gt;" in raw HTML is the emoticon ":>").
// It returns 0 for anything else.
func glyphAfter(src []byte, t *document.Token) rune {
	if t == nil {
		return 0
	}
	b := src[t.Start:t.End()]
	switch t.Kind() {
	case document.TokPunct:
		r, _ := utf8.DecodeRune(b)
		return r
	case document.TokMarkup:
		if len(b) > 2 && b[0] == '&' && b[len(b)-1] == ';' {
			if s := html.UnescapeString(string(b)); s != string(b) {
				r, _ := utf8.DecodeRuneInString(s)
				return r
			}
		}
	}
	return 0
}

// ternary reports whether the mark c ('?' or ':') after the space toks[i]
// is one half of a conditional expression set with spaces, "a ? b : c":
// the other half stands one spaceless operand away on the same line, with
// a space before it too. Prose does not answer a spaced question mark
// with a spaced colon one word later.
func ternary(src []byte, toks []document.Token, i int, c byte) bool {
	isMark := func(k int, m byte) bool {
		return k >= 0 && k < len(toks) && toks[k].Kind() == document.TokPunct && src[toks[k].Start] == m
	}
	isSpace := func(k int) bool { return k >= 0 && k < len(toks) && toks[k].Kind() == document.TokSpace }
	operand := func(t document.Token) bool {
		switch t.Kind() {
		case document.TokSpace, document.TokNewline, document.TokGap:
			return false
		case document.TokPunct:
			switch src[t.Start] {
			case '?', ':', ',', ';':
				return false
			}
		}
		return true
	}
	if c == '?' {
		// "a ? b : c" from the question mark: a space, a run, a space, a colon.
		k := i + 2
		if !isSpace(k) {
			return false
		}
		k++
		n := 0
		for k < len(toks) && operand(toks[k]) {
			k++
			n++
		}
		return n > 0 && isSpace(k) && isMark(k+1, ':') && (k+2 == len(toks) || !operand(toks[k+2]))
	}
	// From the colon: a run before the space toks[i], then a space and a
	// question mark with a space before it.
	k := i - 1
	n := 0
	for k >= 0 && operand(toks[k]) {
		k--
		n++
	}
	return n > 0 && isSpace(k) && isMark(k-1, '?') && isSpace(k-2)
}

// openBefore reports an opening parenthesis before toks[i] in the block
// that no closing one has matched.
func openBefore(src []byte, toks []document.Token, i int) bool {
	depth := 0
	for k := 0; k < i; k++ {
		if toks[k].Kind() == document.TokPunct {
			switch src[toks[k].Start] {
			case '(':
				depth++
			case ')':
				depth = max(0, depth-1)
			}
		}
	}
	return depth > 0
}

// symbolInParens reports "( X )" from the parenthesis toks[k]: one mark or
// a run of marks without letters between spaces, a symbol named in the
// text ("separators ( / )", "the ( \\ ) character").
func symbolInParens(src []byte, toks []document.Token, k int) bool {
	if k < 0 || k+1 >= len(toks) || src[toks[k].Start] != '(' || toks[k+1].Kind() != document.TokSpace {
		return false
	}
	j := k + 2
	n := 0
	for j < len(toks) && (toks[j].Kind() == document.TokPunct && src[toks[j].Start] != ')' || toks[j].Kind() == document.TokMarkup) {
		if toks[j].Kind() == document.TokPunct {
			n++
		}
		j++
	}
	return n > 0 && n <= 3 && j+1 < len(toks) && toks[j].Kind() == document.TokSpace && toks[j+1].Kind() == document.TokPunct && src[toks[j+1].Start] == ')'
}

// bareLink reports a literal that an autolinker turns into a link: a URL
// with a scheme or starting with www., or an e-mail address.
func bareLink(lit []byte) bool {
	return bytes.Contains(lit, []byte("://")) || bytes.HasPrefix(lit, []byte("www.")) || bytes.IndexByte(lit, '@') > 0
}
