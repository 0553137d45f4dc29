package prose

import (
	"github.com/copydesk/copydesk/document"
)

// Mentioned reports whether the tokens toks[i..j] are set off as a
// mention, a word or a mark that the sentence talks about rather than uses:
// directly enclosed in quotation marks (`fix "the the"`, ‘..’) or in emphasis
// markers (*the the*, _of_). Rules that find the error a writer quotes must
// not fix the quotation: it is the example.
func Mentioned(src []byte, toks []document.Token, i, j int) bool {
	if i <= 0 || j+1 >= len(toks) {
		return false
	}
	a, b := toks[i-1], toks[j+1]
	if a.End() != toks[i].Start || b.Start != toks[j].End() {
		return false
	}
	return opensMention(src, a) && closesMention(src, b)
}

func opensMention(src []byte, t document.Token) bool {
	switch t.Kind() {
	case document.TokMarkup:
		return Emphasis(src[t.Start:t.End()])
	case document.TokPunct:
		switch string(src[t.Start:t.End()]) {
		case `"`, "'", "“", "‘", "«", "„", "‹", "「", "『":
			return true
		}
	}
	return false
}

func closesMention(src []byte, t document.Token) bool {
	switch t.Kind() {
	case document.TokMarkup:
		return Emphasis(src[t.Start:t.End()])
	case document.TokPunct:
		switch string(src[t.Start:t.End()]) {
		case `"`, "'", "”", "’", "»", "“", "›", "」", "』":
			return true
		}
	}
	return false
}

// Emphasis reports whether markup is only emphasis or strike-through
// markers: *, _, ~.
func Emphasis(m []byte) bool {
	if len(m) == 0 {
		return false
	}
	for _, c := range m {
		if c != '*' && c != '_' && c != '~' {
			return false
		}
	}
	return true
}
