package prose

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// Mojibake is UTF-8 read as Windows-1252 and saved again: "Ã©" for é. It is
// found before anything else is said about the text around it: the
// characters of a run are not quotation marks, brackets, spaces or
// punctuation of the text (the no-break space in "CÃ\u00a0nan" is half of
// à), and the words it sits in cannot be read until it is decoded.

// contRune maps the characters that stand for bytes 0x80–0xBF when UTF-8
// is read as Windows-1252 (or Latin-1, for U+0080–U+009F) back to the bytes.
var contRune = map[rune]byte{}

func init() {
	for b := 0x80; b <= 0xBF; b++ {
		contRune[rune(b)] = byte(b)
		if r := charmap.Windows1252.DecodeByte(byte(b)); r != utf8.RuneError {
			contRune[r] = byte(b)
		}
	}
}

// ContinuationByte returns the byte 0x80–0xBF that r stands for when
// UTF-8 is read as Windows-1252 (or as Latin-1, for the C1 characters): a
// continuation byte of a character that mojibake split.
func ContinuationByte(r rune) (byte, bool) {
	if r < 0x80 {
		return 0, false
	}
	b, ok := contRune[r]
	return b, ok
}

// seq reads one mojibake sequence at src[i:]: a lead character and the
// continuation characters its UTF-8 length needs. It returns the decoded
// rune and the end of the sequence.
func seq(src []byte, i, hi int) (rune, int, bool) {
	lead, w := utf8.DecodeRune(src[i:hi])
	if lead < 0xC2 || lead > 0xF4 {
		return 0, i, false
	}
	need := 2
	if lead >= 0xF0 {
		need = 4
	} else if lead >= 0xE0 {
		need = 3
	}
	var buf [4]byte
	buf[0] = byte(lead)
	j := i + w
	for n := 1; n < need; n++ {
		if j >= hi {
			return 0, i, false
		}
		r, w2 := utf8.DecodeRune(src[j:hi])
		b, ok := ContinuationByte(r)
		if !ok {
			return 0, i, false
		}
		buf[n] = b
		j += w2
	}
	r, size := utf8.DecodeRune(buf[:need])
	if r == utf8.RuneError || size != need {
		return 0, i, false
	}
	return r, j, true
}

// plausibility of a decoded character: alone, only with company (scripts
// whose words have several letters), or never.
const (
	implausible = iota
	inCompany
	alone
)

func plausible(r rune) int {
	switch {
	case r >= 0xA0 && r <= 0x17F, r >= 0x218 && r <= 0x21B: // Latin-1, Latin Extended-A, Romanian ș ț
		return alone
	case r >= 0x300 && r <= 0x311, r >= 0x323 && r <= 0x328, r == 0x331: // combining accents
		return alone
	case r >= 0x370 && r <= 0x4FF, r >= 0x590 && r <= 0x6FF, r >= 0x900 && r <= 0xFFF: // Greek, Cyrillic, Hebrew, Arabic, Indic, Thai, Lao, Tibetan
		return inCompany
	case r >= 0x1E00 && r <= 0x1EFF: // Latin Extended Additional (Vietnamese)
		return alone
	case r >= 0x1F00 && r <= 0x1FFF:
		return inCompany
	case r >= 0x2000 && r <= 0x2BFF && r != 0x2028 && r != 0x2029: // punctuation, currency, letterlike, arrows, symbols
		return alone
	case r >= 0x3000 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7AF: // CJK, Hangul
		return inCompany
	case r == 0xFEFF, r >= 0xFF01 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6: // BOM, fullwidth punctuation and signs
		return alone
	case r >= 0x1F000 && r <= 0x1FAFF: // emoji
		return alone
	}
	return implausible
}

// FindMojibake reads the mojibake run starting at src[i] (a character
// from Â to ô), within the prose range [lo, hi), and builds its finding;
// it returns the end of the run and whether there is one.
func FindMojibake(src []byte, lo, hi, i int) (lint.Diagnostic, int, bool) {
	prev := rune(-1)
	if i > lo {
		prev, _ = utf8.DecodeLastRune(src[lo:i])
	}
	var out []rune
	company := 0
	j := i
	for j < hi {
		r, e, ok := seq(src, j, hi)
		if !ok {
			break
		}
		p := plausible(r)
		if p == implausible || r >= 0x300 && r <= 0x36F && !unicode.IsLetter(prev) && len(out) == 0 {
			break
		}
		if len(out) == 0 && unicode.IsUpper(prev) && upperWord(src, lo, i, e, hi) {
			// "IRMÃ\u00a0": a capital ending an upper-case word, then a
			// no-break space; "HÄ’S", "PÅ«": capitals other than Ã and Â
			// are rare leads in mojibake and common in upper-case words.
			// A single capital before a lower-case letter starts a word
			// that is not upper case: "CÃ\u00a0nan" (Cànan), "RÄ«ga" (Rīga).
			if e-j == 4 && src[j+2] == 0xC2 && src[j+3] == 0xA0 || src[j+1] >= 0x84 && src[j+1] <= 0x9F {
				break
			}
		}
		if p == inCompany {
			company++
		}
		out = append(out, r)
		j = e
	}
	if len(out) == 1 && src[i+1] >= 0x84 && src[i+1] <= 0x9F {
		// Capitals other than Ã and Â (Ä, Å, Ð, ...) lead mojibake of letters
		// inside lower-case words ("piÄ…tek" for piątek); on its own,
		// "Å\u00a0" or "Ä»" may be real text.
		after, _ := utf8.DecodeRune(src[j:hi])
		nbsp := src[i+2] == 0xC2 && src[i+3] == 0xA0 // a word space after it: "Å\u00a0i Lofoten"
		if !unicode.IsLower(prev) && (j >= hi || !unicode.IsLower(after) || nbsp) {
			out = out[:0]
		}
	}
	if len(out) > 0 && (company == 0 || len(out) >= 2) {
		return decoded(src, i, j, out), j, true
	}
	return traces(src, hi, i, prev)
}

// upperWord reports whether the sequence src[i:e] after a capital may
// belong to an upper-case word: two capitals before it, or no lower-case
// letter after it.
func upperWord(src []byte, lo, i, e, hi int) bool {
	_, w := utf8.DecodeLastRune(src[lo:i])
	if before, _ := utf8.DecodeLastRune(src[lo : i-w]); i-w > lo && unicode.IsUpper(before) {
		return true
	}
	next, _ := utf8.DecodeRune(src[e:hi])
	return e >= hi || !unicode.IsLower(next)
}

func decoded(src []byte, i, j int, out []rune) lint.Diagnostic {
	text := string(out)
	text = strings.ReplaceAll(text, "\ufeff", "") // a BOM read wrongly is a BOM that should not be there
	orig := string(src[i:j])
	show := text
	if show == "" {
		show = "\ufeff"
	}
	msg := fmt.Sprintf("mojibake %q (UTF-8 read as Windows-1252); replace it with %q", orig, show)
	fix := fmt.Sprintf("Replace with %q", text)
	if text == "" {
		msg = fmt.Sprintf("mojibake %q, a byte order mark read as Windows-1252; remove it", orig)
		fix = "Remove the mangled byte order mark"
	}
	return lint.Diagnostic{
		Start: i, End: j, Message: msg,
		Fix: &lint.Fix{Message: fix, Applicability: lint.Unsafe, Edits: []lint.Edit{{Start: i, End: j, NewText: text}}},
	}
}

// traces finds mojibake that lost a byte: "â€" without the 0x9D of ”, and
// "Â" before a space, left from a no-break space (C2 A0) whose second half
// became an ordinary space.
func traces(src []byte, hi, i int, prev rune) (lint.Diagnostic, int, bool) {
	lead, w := utf8.DecodeRune(src[i:hi])
	next, nw := utf8.DecodeRune(src[i+w : hi])
	if i+w >= hi {
		next = -1
	}
	switch {
	case lead == 'â' && next == '€':
		j := i + w + nw
		after, _ := utf8.DecodeRune(src[j:hi])
		if j >= hi {
			after = -1
		}
		if _, ok := ContinuationByte(after); ok {
			return lint.Diagnostic{}, i, false // a full sequence that decodes to nothing plausible
		}
		if after == '"' {
			return lint.Diagnostic{Start: i, End: j + 1, Message: fmt.Sprintf("mojibake %q, a dash or quotation mark read as Windows-1252; write the character meant", src[i:j+1])}, j + 1, true
		}
		return lint.Diagnostic{
			Start: i, End: j,
			Message: fmt.Sprintf("mojibake %q, a right double quotation mark (”) read as Windows-1252; replace it with \"”\"", src[i:j]),
			Fix:     &lint.Fix{Message: "Replace with \"”\"", Applicability: lint.Unsafe, Edits: []lint.Edit{{Start: i, End: j, NewText: "”"}}},
		}, j, true
	case lead == 'Â' && next == ' ' && (!unicode.IsUpper(prev) || prev < utf8.RuneSelf):
		// Not after a non-ASCII capital: an upper-case word in a language
		// with Â may end in it; "NASAÂ said" is mojibake.
		return lint.Diagnostic{
			Start: i, End: i + w,
			Message: "stray \"Â\" before a space, left from a no-break space read as Windows-1252; remove it",
			Fix:     &lint.Fix{Message: "Remove the stray \"Â\"", Applicability: lint.Unsafe, Edits: []lint.Edit{{Start: i, End: i + w}}},
		}, i + w, true
	}
	return lint.Diagnostic{}, i, false
}

// Garbled reports whether [start, end) touches mojibake or a word that
// holds some: other rules leave such text alone, since what it says is only
// known once it is decoded (the mojibake rule's business).
func Garbled(doc *document.Document, start, end int) bool {
	bi := blockAt(doc, start)
	if bi < 0 {
		return false
	}
	b := &doc.Blocks[bi]
	if !b.Has(document.HasNonASCII) {
		return false
	}
	src := doc.Src
	lo, hi := b.Prose.Start, b.Prose.End
	if lo > start || hi < end {
		lo, hi = b.Start, b.End
	}
	// Every mojibake lead (Â to ô) starts with the byte C3; text in other
	// scripts, Chinese or Cyrillic, has none and is settled at once.
	if bytes.IndexByte(src[lo:hi], 0xC3) < 0 {
		return false
	}
	for i := lo; i+1 < hi; i++ {
		if i = SkipASCII(src, i, hi); i+1 >= hi {
			break
		}
		if src[i] != 0xC3 || src[i+1] < 0x82 || src[i+1] > 0xB4 {
			continue
		}
		d, e, ok := FindMojibake(src, lo, hi, i)
		if !ok {
			i++
			continue
		}
		zs, ze := wordEdge(src, lo, d.Start, -1), wordEdge(src, hi, max(e, d.End), +1)
		if zs < end && start < ze {
			return true
		}
		if ze >= end && zs > start {
			return false
		}
		i = max(e, i+1) - 1
	}
	return false
}

// wordEdge extends from i over the letters (and the no-break spaces and
// marks mojibake leaves inside words) in direction dir.
func wordEdge(src []byte, limit, i, dir int) int {
	if dir < 0 {
		for i > limit {
			r, w := utf8.DecodeLastRune(src[limit:i])
			if !inWord(r) {
				break
			}
			i -= w
		}
		return i
	}
	for i < limit {
		r, w := utf8.DecodeRune(src[i:limit])
		if !inWord(r) {
			break
		}
		i += w
	}
	return i
}

// blockAt returns the index of the block holding offset off, or -1.
func blockAt(doc *document.Document, off int) int {
	lo, hi := 0, len(doc.Blocks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if doc.Blocks[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(doc.Blocks) && doc.Blocks[lo].Start <= off {
		return lo
	}
	return -1
}

// Report reports d unless it lies on mojibake (see Garbled).
func Report(pass *lint.Pass, d lint.Diagnostic) {
	if !Garbled(pass.Doc, d.Start, d.End) {
		pass.Report(d)
	}
}

// inWord reports a character that continues a word holding mojibake: a
// letter, a mark, or a Latin-1 character that mojibake leaves inside words
// (the no-break space of "CÃ\u00a0nan" among them).
func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || r >= 0x80 && r <= 0xFF
}
