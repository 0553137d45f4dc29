// Package names holds what the name rules share: the normalisation that
// makes two spellings of a name compare equal, the glossary index
// (a trie over normalised keys, walked from capitalised words), and the
// mining and grouping of name candidates over a corpus.
package names

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/lint"
)

// sep says what stands between a word and the one before it.
type sep uint8

const (
	sepBreak  sep = iota // start of block, sentence punctuation, code, numbers: not one name
	sepSpace             // spaces, a line break, inline markup
	sepHyphen            // High-level
	sepComma             // Science, Technology
	sepAmp               // Science & Technology
)

// A word is one prose word of a block with what precedes it.
type word struct {
	start, end int32 // source bytes; end excludes a possessive 's
	sep        sep
	upper      bool // starts with a capital letter
	caps       bool // all capitals, two letters or more: an acronym
	letters    int  // letters in the word
	and        bool // the connector "and"
	poss       bool // a possessive 's was cut off
	mixed      bool // capitals inside: GitHub, MiR
}

// wordsOf appends the words of one block to dst. Words with digits break
// names (3D, 2025) and count as breaks.
func wordsOf(dst []word, doc *lint.Document, b *lint.Block) []word {
	src := doc.Src
	pending := sepBreak
	started := false
	for _, t := range doc.BlockTokens(b) {
		switch t.Kind {
		case lint.TokMarkup:
			if t.Is(lint.FlagHasSpace) || bytes.ContainsAny(src[t.Start:t.End], "[]()") {
				pending, started = sepBreak, false // a link's brackets or a quote's line break
			}
			continue
		case lint.TokSpace, lint.TokNewline, lint.TokInvisible:
			if started && pending == sepBreak && len(dst) > 0 && dst[len(dst)-1].end > 0 {
				pending = sepSpace
			}
			continue
		case lint.TokPunct:
			if !started {
				continue
			}
			p := src[t.Start:t.End]
			switch {
			case pending != sepSpace && pending != sepBreak:
				pending = sepBreak // two punctuation marks: not one name
				started = false
			case string(p) == "-" || string(p) == "‐":
				pending = sepHyphen
			case string(p) == ",":
				pending = sepComma
			case string(p) == "&":
				pending = sepAmp
			default:
				pending = sepBreak
				started = false
			}
			continue
		case lint.TokWord:
		default:
			pending, started = sepBreak, false
			continue
		}
		if t.Is(lint.FlagDigit) || t.Is(lint.FlagCJK) {
			pending, started = sepBreak, false
			continue
		}
		w := word{start: t.Start, end: t.End, sep: pending}
		if !started {
			w.sep = sepBreak
		}
		text := src[t.Start:t.End]
		if n := possessive(text); n > 0 {
			w.end -= int32(n)
			text = text[:len(text)-n]
			w.poss = true
		} else if t.Is(lint.FlagApostrophe) && contraction(text) {
			pending, started = sepBreak, false // I’m, don't: not part of a name
			continue
		}
		w.upper = t.Is(lint.FlagUpper)
		upperCount := 0
		if !t.Is(lint.FlagNonASCII) {
			for _, c := range text {
				if c|0x20 >= 'a' && c|0x20 <= 'z' {
					w.letters++
					if c <= 'Z' {
						upperCount++
					}
				}
			}
		} else {
			for _, r := range string(text) {
				if unicode.IsLetter(r) {
					w.letters++
					if unicode.IsUpper(r) {
						upperCount++
					}
				}
			}
		}
		w.caps = w.letters >= 2 && upperCount == w.letters
		w.mixed = upperCount > 1 && !w.caps
		w.and = string(text) == "and" || string(text) == "And" || string(text) == "AND"
		dst = append(dst, w)
		pending, started = sepBreak, true
	}
	return dst
}

// possessive returns the length of a trailing 's or ’s.
func possessive(b []byte) int {
	n := len(b)
	if n > 3 && (b[n-1] == 's' || b[n-1] == 'S') {
		if b[n-2] == '\'' {
			return 2
		}
		if n > 5 && string(b[n-4:n-1]) == "’" {
			return 4
		}
	}
	return 0
}

// contraction: I’m, don't, we’ll; not O'Brien.
func contraction(b []byte) bool {
	s := string(b)
	for _, suf := range []string{"'m", "’m", "'d", "’d", "'ll", "’ll", "'re", "’re", "'ve", "’ve", "n't", "n’t"} {
		if strings.HasSuffix(s, suf) || strings.HasSuffix(s, strings.ToUpper(suf)) {
			return true
		}
	}
	return false
}

// appendKey appends the normalised form of a word: lower case, singular.
func appendKey(dst []byte, w []byte) []byte {
	start := len(dst)
	ascii := true
	for _, c := range w {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for _, c := range w {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c == '\'' {
				continue
			}
			dst = append(dst, c)
		}
	} else {
		for _, r := range strings.ToLower(string(w)) {
			if r == '’' || r == '\'' {
				continue
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
	if len(w) == 0 || w[len(w)-1] != 's' {
		return dst // HTTPS is not the plural of HTTP
	}
	word := dst[start:]
	if n := len(word); n > 4 && string(word[n-3:]) == "ies" {
		return append(dst[:start+n-3], 'y') // technologies → technology
	}
	return dst[:start+singularLen(word)]
}

// singularLen returns the length of the singular of a lower-case word:
// sciences → science, technologies → technology (y is restored by the
// caller through ies→i: both sides are cut the same way), researches →
// research, councils → council; glass, campus, analysis stay.
func singularLen(w []byte) int {
	n := len(w)
	if n < 4 || w[n-1] != 's' {
		return n
	}
	s := string(w)
	switch {
	case strings.HasSuffix(s, "ies"):
		return n - 2 // the caller turns ies into y
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "ches"), strings.HasSuffix(s, "shes"), strings.HasSuffix(s, "xes"), strings.HasSuffix(s, "zes"):
		return n - 2
	case strings.HasSuffix(s, "ss"), strings.HasSuffix(s, "us"), strings.HasSuffix(s, "is"), strings.HasSuffix(s, "'s"):
		return n
	}
	return n - 1
}

// stopWords start sentences but never names; a leading one is dropped from
// a mined phrase ("In Lakeside", "The Museum").
var stopWords = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "for": true, "of": true, "and": true,
	"this": true, "that": true, "these": true, "those": true, "after": true, "before": true, "when": true,
	"while": true, "with": true, "from": true, "to": true, "by": true, "as": true, "but": true, "or": true,
	"if": true, "it": true, "its": true, "we": true, "our": true, "he": true, "she": true, "they": true,
	"his": true, "her": true, "their": true, "i": true, "you": true, "your": true, "all": true, "some": true,
	"during": true, "since": true, "until": true, "today": true, "yesterday": true, "last": true, "next": true,
	"every": true, "each": true, "both": true, "under": true, "over": true, "about": true, "through": true,
	"there": true, "here": true, "what": true, "how": true, "why": true, "where": true, "who": true, "is": true,
	"was": true, "are": true, "were": true, "be": true, "not": true, "no": true, "yes": true, "so": true,
	"also": true, "now": true, "then": true, "more": true, "most": true, "many": true, "one": true, "two": true,
	"new": true, "dear": true, "mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "professor": true,
	"director": true, "president": true, "minister": true, "according": true, "meanwhile": true, "however": true,
	"although": true, "because": true, "once": true, "other": true, "such": true, "among": true, "like": true,
	"please": true, "thanks": true, "thank": true, "see": true, "read": true, "visit": true, "join": true,
}

// connectors join the words of a proper-noun phrase.
var connectors = map[string]bool{"of": true, "and": true, "for": true, "the": true, "de": true, "du": true, "la": true, "van": true, "von": true, "der": true, "on": true, "in": true, "at": true}
