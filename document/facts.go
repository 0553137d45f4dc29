package document

import (
	"strconv"
	"unicode/utf8"
)

// BlockFacts are cheap facts about a block's prose, gathered once after
// tokenizing, so that a rule can pass over blocks that cannot hold what it
// looks for instead of walking every token of the document. A rule declares
// the facts it needs (lint.Rule.Needs) rather than testing them itself, and
// a test in package rules holds each rule's findings equal with and without
// them: a fact may hold where nothing is found, never the other way round.
type BlockFacts uint32

// The facts a block may have.
const (
	HasNonASCII         BlockFacts = 1 << iota // a character outside ASCII
	HasOddSpace                                // a no-break or other odd space
	HasLongSpace                               // a run of two or more space characters
	HasInvisible                               // an invisible or control character
	HasBracket                                 // ( ) [ ] { } or their full-width and CJK forms
	HasDoubleQuote                             // " “ ” „ « » ‹ ›
	HasSingleQuote                             // ' ‘ ’, apostrophes in words included
	HasPunctRun                                // two of . , ; : ! ? in a row
	HasSpaceBeforePunct                        // a space before a mark, or after an opening bracket
	HasPunctBeforeWord                         // one of . , ; : ! ? directly followed by a word, a number or a mark
	HasAmpersand                               // &

	// KnownFacts are all the facts above.
	KnownFacts = HasAmpersand<<1 - 1
	// AnyFacts are a block's facts when they were not gathered: since any
	// of them may hold, no rule passes over the block.
	AnyFacts = ^BlockFacts(0)
)

var factNames = [...]string{"non-ASCII", "odd space", "long space", "invisible", "bracket", "double quote",
	"single quote", "punctuation run", "space before punctuation", "punctuation before word", "ampersand"}

// String names the facts, joined by "|"; "none" when there are none.
func (f BlockFacts) String() string {
	if f == 0 {
		return "none"
	}
	var b []byte
	for i := 0; f != 0; i, f = i+1, f>>1 {
		if f&1 == 0 {
			continue
		}
		if len(b) > 0 {
			b = append(b, '|')
		}
		if i < len(factNames) {
			b = append(b, factNames[i]...)
		} else {
			b = append(b, "bit "...)
			b = strconv.AppendInt(b, int64(i), 10)
		}
	}
	return string(b)
}

// Has reports whether the block has any of the facts f.
func (b *Block) Has(f BlockFacts) bool { return b.Facts&f != 0 }

// FactsOf reads the facts off a block's tokens: one pass over the tokens,
// looking only at kinds, flags and the first character of marks.
func FactsOf(src []byte, toks []Token) BlockFacts {
	var f BlockFacts
	prev := TokGap
	prevMark := byte(0)
	for i, t := range toks {
		switch t.Kind() {
		case TokWord, TokNumber:
			if t.Flags()&(FlagNonASCII|FlagCJK) != 0 {
				f |= HasNonASCII
			}
			if t.Flags()&FlagApostrophe != 0 {
				f |= HasSingleQuote
			}
			if prev == TokPunct && isStop(prevMark) && i > 0 && toks[i-1].End() == t.Start {
				f |= HasPunctBeforeWord
			}
		case TokSpace:
			if t.Flags()&FlagOddSpace != 0 {
				f |= HasOddSpace | HasNonASCII
			}
			if n := t.End() - t.Start; n > 1 && (t.Flags()&FlagOddSpace == 0 || n > 3 || utf8.RuneCount(src[t.Start:t.End()]) > 1) {
				f |= HasLongSpace
			}
			if prev == TokPunct && (prevMark == '(' || prevMark == '[' || prevMark == '{') {
				f |= HasSpaceBeforePunct
			}
		case TokInvisible:
			f |= HasInvisible
			if src[t.Start] >= utf8.RuneSelf {
				f |= HasNonASCII
			}
		case TokLiteral:
			for _, c := range src[t.Start:t.End()] {
				if c == '&' {
					f |= HasAmpersand
				}
			}
		case TokPunct:
			c := src[t.Start]
			if prev == TokPunct && isStop(prevMark) && i > 0 && toks[i-1].End() == t.Start {
				if isStop(c) {
					f |= HasPunctRun
				} else if c == '"' || c == '\'' || c >= utf8.RuneSelf {
					f |= HasPunctBeforeWord // ",“We": a quotation mark glued after a stop
				}
			}
			if prev == TokSpace {
				switch c {
				case ',', '.', ';', ':', '!', '?', ')', ']', '}':
					f |= HasSpaceBeforePunct
				}
			}
			prevMark = c
			if c < utf8.RuneSelf {
				switch c {
				case '(', ')', '[', ']', '{', '}':
					f |= HasBracket
				case '"':
					f |= HasDoubleQuote
				case '\'':
					f |= HasSingleQuote
				case '&':
					f |= HasAmpersand
				}
				break
			}
			f |= HasNonASCII
			r, _ := utf8.DecodeRune(src[t.Start:t.End()])
			switch r {
			case '“', '”', '„', '«', '»', '‹', '›', '‟':
				f |= HasDoubleQuote
			case '‘', '’', '‚', '‛':
				f |= HasSingleQuote
			case '（', '）', '［', '］', '｛', '｝', '【', '】', '〔', '〕', '〖', '〗':
				f |= HasBracket
			}
		}
		if t.Kind() != TokMarkup {
			prev = t.Kind()
		}
	}
	return f
}

// isStop reports the marks that take a space after them.
func isStop(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '!', '?':
		return true
	}
	return false
}
