package baseline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"
)

// How much of a finding's neighbourhood goes into its fingerprint: enough
// words to tell two findings in one file apart, few enough that an edit
// elsewhere in the paragraph leaves it alone.
const (
	contextWords = 3   // words on either side of the range
	contextRunes = 40  // at most this much on either side, for scripts without spaces
	rangeRunes   = 60  // a longer range keeps its first and last halves
	window       = 256 // bytes scanned on either side
	neighbours   = 4096
)

// Fingerprint identifies a finding by its rule, its file and its text, not
// by its line: the range's text and a few words around it, on the same
// line, with whitespace collapsed. A finding whose line holds no words at
// all (extra blank lines, a blank line's trailing spaces) is placed by the
// nearest lines with words above and below it instead.
//
// It returns the hash that matching uses and the context a person reads in
// the baseline file, the range marked ⟦like this⟧.
func Fingerprint(rule, path string, src []byte, start, end int) (hash, context string) {
	start = max(0, min(start, len(src)))
	end = max(start, min(end, len(src)))
	ls := lineStart(src, start)
	le := lineEnd(src, end)

	before := lastWords(string(src[max(ls, runeStart(src, start-window)):start]))
	text := clip(collapse(string(src[start:end])))
	after := firstWords(string(src[end:min(le, runeStart(src, end+window))]))
	if strings.TrimSpace(before+text+after) == "" {
		before = lastWords(string(prevWordLine(src, ls)))
		if before != "" {
			before += " … "
		}
		after = firstWords(string(nextWordLine(src, le)))
		if after != "" {
			after = " … " + after
		}
	}
	context = before + "⟦" + text + "⟧" + after
	sum := sha256.Sum256([]byte(rule + "\x00" + path + "\x00" + before + "\x00" + text + "\x00" + after))
	return hex.EncodeToString(sum[:8]), context
}

func lineStart(src []byte, off int) int {
	return bytes.LastIndexByte(src[:off], '\n') + 1
}

func lineEnd(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(src)
}

// runeStart moves off back to the start of the UTF-8 sequence it is in,
// clamped to the text.
func runeStart(src []byte, off int) int {
	if off <= 0 {
		return 0
	}
	if off >= len(src) {
		return len(src)
	}
	for i := 0; i < utf8.UTFMax && off > 0 && !utf8.RuneStart(src[off]); i++ {
		off--
	}
	return off
}

// prevWordLine is the last line above the one starting at ls that has a
// word on it, looking back a bounded distance.
func prevWordLine(src []byte, ls int) []byte {
	for end := ls - 1; end > 0 && ls-end < neighbours; {
		s := lineStart(src, end)
		if len(bytes.TrimFunc(src[s:end], unicode.IsSpace)) > 0 {
			return src[s:end]
		}
		end = s - 1
	}
	return nil
}

// nextWordLine is the first line below the one ending at le that has a
// word on it.
func nextWordLine(src []byte, le int) []byte {
	for s := le + 1; s < len(src) && s-le < neighbours; {
		e := lineEnd(src, s)
		if len(bytes.TrimFunc(src[s:e], unicode.IsSpace)) > 0 {
			return src[s:e]
		}
		s = e + 1
	}
	return nil
}

// collapse turns every run of white space into one space, so that
// reflowing, CRLF line ends and no-break spaces do not change a
// fingerprint, and makes the text valid UTF-8, so that the context written
// to the baseline reads back as it was hashed.
func collapse(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// lastWords keeps the last few words of s, and the space that separates
// them from what follows.
func lastWords(s string) string {
	s = collapse(s)
	w := strings.Fields(s)
	if len(w) > contextWords {
		w = w[len(w)-contextWords:]
	}
	out := strings.Join(w, " ")
	if out != "" && strings.HasSuffix(s, " ") {
		out += " "
	}
	if r := []rune(out); len(r) > contextRunes {
		out = string(r[len(r)-contextRunes:])
	}
	return out
}

// firstWords keeps the first few words of s, and the space that separates
// them from what precedes.
func firstWords(s string) string {
	s = collapse(s)
	w := strings.Fields(s)
	if len(w) > contextWords {
		w = w[:contextWords]
	}
	out := strings.Join(w, " ")
	if out != "" && strings.HasPrefix(s, " ") {
		out = " " + out
	}
	if r := []rune(out); len(r) > contextRunes {
		out = string(r[:contextRunes])
	}
	return out
}

// clip shortens a long range to its two ends.
func clip(s string) string {
	r := []rune(s)
	if len(r) <= rangeRunes {
		return s
	}
	return string(r[:rangeRunes/2]) + "…" + string(r[len(r)-rangeRunes/2:])
}
