// Package fullwidthpunctuation finds full-width punctuation, letters and
// digits (，。：ＡＢ１２) typed in English text by a CJK input method, and
// writes their ASCII forms.
package fullwidthpunctuation

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the fullwidth-punctuation rule.
var Rule = &lint.Rule{
	ID:       "fullwidth-punctuation",
	Category: lint.CategoryCleaning,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixSafe,
	Doc: lint.Doc{
		Title: "Full-width punctuation, letters or digits (，。：（）ＡＢ１２) in English text",
		Why: "A Chinese or Japanese input method left switched on types full-width forms: \"Lakeside University（LU）\", " +
			"\"museum，library\", \"Room ３０２\". In English text they look wrongly spaced, break search (\"302\" does not " +
			"find \"３０２\") and read as a slip. In CJK text they are correct, so a run is reported only when neither " +
			"neighbouring character is CJK and the sentence around it is mostly Latin words, not CJK characters.",
		Wrong: "The museum，library and archive open at 9：30 in Room ３０２（east wing）。",
		Right: "The museum, library and archive open at 9:30 in Room 302 (east wing).",
		Fix: "Safe: writes the ASCII form (golang.org/x/text/width; \"。\" becomes \".\") and the space English needs " +
			"beside it: after , ; : ! ? and ) before a letter or opening quote, after . before a capital letter, " +
			"and before ( after a word when more than one character follows it. The words and their order do not " +
			"change; nothing is added before digits or other punctuation (\"1，000\" becomes \"1,000\").",
	},
	Needs: document.HasNonASCII,
	Run:   run,
}

// window bounds how far the sentence around a run is read, in bytes.
const window = 400

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	for _, b := range pass.Blocks() {
		if b.Tok1 == b.Tok0 {
			continue
		}
		toks := doc.BlockTokens(b)
		lo, hi := b.Prose.Start, b.Prose.End
		for i := lo; i < hi; i++ {
			if i = prose.SkipASCII(src, i, hi); i == hi {
				break
			}
			if c := src[i]; c != 0xEF && c != 0xE3 {
				continue
			}
			r, w := utf8.DecodeRune(src[i:hi])
			if !candidate(r) {
				i += w - 1
				continue
			}
			j := i + w
			for j < hi {
				r2, w2 := utf8.DecodeRune(src[j:hi])
				if !candidate(r2) {
					break
				}
				j += w2
			}
			if prose.InProse(toks, i, j) && !prose.AfterLiteral(toks, i) && english(src, lo, hi, i, j) {
				prose.Report(pass, diagnostic(src, lo, hi, i, j))
			}
			i = j - 1
		}
	}
}

func candidate(r rune) bool {
	return r >= 0xFF01 && r <= 0xFF5E || r == 0x3002
}

// cjk reports characters of CJK text: Han, kana, Hangul, bopomofo, CJK
// punctuation and half-width kana.
func cjk(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xAC00 && r <= 0xD7AF || r >= 0x1100 && r <= 0x11FF ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF61 && r <= 0xFFDC ||
		r >= 0x20000 && r <= 0x3FFFF
}

func space(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || document.IsOddSpace(r)
}

// english decides whether the run src[i:j] sits in English rather than CJK
// text: no CJK character right beside it (spaces skipped), and more Latin
// words than CJK characters in its sentence.
func english(src []byte, lo, hi, i, j int) bool {
	p := i
	for p > lo {
		r, w := utf8.DecodeLastRune(src[lo:p])
		if !space(r) {
			if cjk(r) {
				return false
			}
			break
		}
		p -= w
	}
	for n := j; n < hi; {
		r, w := utf8.DecodeRune(src[n:hi])
		if !space(r) {
			if cjk(r) {
				return false
			}
			break
		}
		n += w
	}
	// The sentence: back to the previous sentence end, on to the next.
	s := i
	for s > lo && i-s < window {
		r, w := utf8.DecodeLastRune(src[lo:s])
		if sentenceEnd(src, s-w, r, hi) {
			break
		}
		s -= w
	}
	e := j
	for e < hi && e-j < window {
		r, w := utf8.DecodeRune(src[e:hi])
		e += w
		if sentenceEnd(src, e-w, r, hi) {
			break
		}
	}
	han, words := 0, 0
	inWord := false
	for k := s; k < e; {
		if k == i {
			k, inWord = j, false
			continue
		}
		r, w := utf8.DecodeRune(src[k:e])
		k += w
		switch {
		case cjk(r):
			han++
			inWord = false
		case unicode.IsLetter(r):
			if !inWord {
				words++
			}
			inWord = true
		default:
			inWord = r == '\'' || r == '’' || r == '-' && inWord
		}
	}
	return han == 0 || words > han
}

// sentenceEnd: r at src[k] ends a sentence (. ! ? followed by a space, or
// a CJK full stop, exclamation or question mark).
func sentenceEnd(src []byte, k int, r rune, hi int) bool {
	switch r {
	case '。', '！', '？':
		return true
	case '.', '!', '?':
		return k+1 >= hi || src[k+1] == ' ' || src[k+1] == '\n'
	}
	return false
}

// ascii returns the ASCII form of one full-width character.
func ascii(r rune) string {
	if r == 0x3002 {
		return "."
	}
	return width.Narrow.String(string(r))
}

func diagnostic(src []byte, lo, hi, i, j int) lint.Diagnostic {
	var rs []rune
	for _, r := range string(src[i:j]) {
		rs = append(rs, []rune(ascii(r))...)
	}
	prev, _ := utf8.DecodeLastRune(src[lo:i])
	if i == lo {
		prev = -1
	}
	next, _ := utf8.DecodeRune(src[j:hi])
	if j == hi {
		next = -1
	}
	var b strings.Builder
	for k, r := range rs {
		before, after := prev, next
		if k > 0 {
			before = rs[k-1]
		}
		if k+1 < len(rs) {
			after = rs[k+1]
		}
		if r == '(' && (unicode.IsLetter(before) || unicode.IsDigit(before)) && longParen(src, rs[k+1:], j, hi) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		switch r {
		case ',', ';', ':', '!', '?', ')':
			if unicode.IsLetter(after) || after == '“' || after == '‘' || k == len(rs)-1 && openingStraightQuote(src, j, hi) {
				b.WriteByte(' ')
			}
		case '.':
			if unicode.IsUpper(after) {
				b.WriteByte(' ')
			}
		}
	}
	out := b.String()
	orig := string(src[i:j])
	what := "full-width character"
	if utf8.RuneCountInString(orig) > 1 {
		what = "full-width characters"
	}
	return lint.Diagnostic{
		Start:   i,
		End:     j,
		Message: fmt.Sprintf("%s %q in English text; write %q", what, orig, out),
		Fix:     &lint.Fix{Message: fmt.Sprintf("Replace with %q", out), Applicability: lint.Safe, Edits: []lint.Edit{{Start: i, End: j, NewText: out}}},
	}
}

// openingStraightQuote: the run is followed by a straight quote that
// opens a quotation (`said，"We`), told from a closing one (`"Yes，" she`)
// by the letter right after it.
func openingStraightQuote(src []byte, j, hi int) bool {
	if j+1 >= hi || (src[j] != '"' && src[j] != '\'') {
		return false
	}
	r, _ := utf8.DecodeRune(src[j+1 : hi])
	return unicode.IsLetter(r)
}

// longParen: the parenthesis just opened holds more than one character
// ("University（LU）", not "item（s）" or "f（x）"); rest is what follows it
// inside the run, then the source from j.
func longParen(src []byte, rest []rune, j, hi int) bool {
	n := 0
	for _, r := range rest {
		if r == ')' || n > 1 {
			return n > 1
		}
		n++
	}
	for k := j; k < hi && n < 2; {
		r, w := utf8.DecodeRune(src[k:hi])
		if r == ')' || r == '）' {
			break
		}
		n++
		k += w
	}
	return n > 1
}
