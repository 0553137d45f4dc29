// Package invisiblechar finds characters with no visible width that pasting
// leaves in text (zero-width spaces, soft hyphens, stray BOMs, control
// characters, bidi marks) and removes them.
package invisiblechar

import (
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the invisible-char rule.
var Rule = &lint.Rule{
	ID:       "invisible-char",
	Category: lint.CategoryCleaning,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixMixed,
	Doc: lint.Doc{
		Title: "An invisible character left in the text: zero-width space, soft hyphen, stray BOM, control character, bidi mark",
		Why: "Text pasted from web pages, word processors and chat apps carries characters nobody can see: zero-width " +
			"spaces and joiners (U+200B–U+200D), soft hyphens (U+00AD), a byte order mark in the middle of the text, " +
			"control characters, and bidi marks in text that has no right-to-left script. They break search, word " +
			"counts, spell checkers and links, and some turn up as boxes in feeds. Deliberate uses are left alone: the " +
			"word joiner (U+2060) around dashes, a joiner inside an emoji sequence, joiners in scripts that need them " +
			"(Persian, Devanagari and other Indic scripts), zero-width spaces between Thai, Lao, Khmer or Myanmar words, " +
			"bidi marks in a paragraph with Hebrew or Arabic, the leading byte order mark of a file, and code.",
		Wrong: "The museum\u200b opened its new gallery on Fri\u00adday.",
		Right: "The museum opened its new gallery on Friday.",
		Fix: "Safe: deletes the character, which changes nothing a reader sees; a vertical tab or form feed between " +
			"two words becomes a space, and a BOM beside a dash becomes the word joiner it stood for. Unsafe: a C1 " +
			"control character (U+0080–U+009F) is usually a Windows-1252 character read as Latin-1 (U+0092 for ’), " +
			"so it is replaced with that character, which is a guess; a bidi override (U+202D, U+202E) is deleted, " +
			"which changes the order in which the text is shown.",
	},
	Run: run,
}

// trigger marks the bytes that can start a character this rule looks at:
// C0 controls, DEL, and the lead bytes of U+0080–U+00BF (C2), U+061C (D8),
// U+200B–U+206F (E2) and U+FEFF (EF).
var trigger [256]bool

func init() {
	for c := 0; c < 0x20; c++ {
		trigger[c] = c != '\t' && c != '\n' && c != '\r'
	}
	trigger[0x7F] = true
	trigger[0xC2] = true
	trigger[0xD8] = true
	trigger[0xE2] = true
	trigger[0xEF] = true
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	if doc.Format == document.FormatText {
		// Everything in a plain-text export is text: leading and trailing
		// invisible characters on a line are outside the prose ranges, and a
		// line holding only invisible characters reads as blank.
		scan(pass, nil, doc.BOM(), len(doc.Src))
		return
	}
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		if b.Tok1 > b.Tok0 {
			scan(pass, doc.BlockTokens(b), b.Prose.Start, b.Prose.End)
		}
	}
}

// scan reports the invisible characters in src[start:end]. toks, when not
// nil, tile the range, and only characters inside prose tokens count.
func scan(pass *lint.Pass, toks []document.Token, start, end int) {
	src := pass.Doc.Src
	for i := start; i < end; i++ {
		if i = skipPlain(src, i, end); i == end {
			break
		}
		if !trigger[src[i]] {
			continue
		}
		r, w := utf8.DecodeRune(src[i:end])
		if !candidate(r) {
			i += w - 1
			continue
		}
		// A run of the same character is one finding.
		j := i + w
		n := 1
		for j < end {
			r2, w2 := utf8.DecodeRune(src[j:end])
			if r2 != r {
				break
			}
			j += w2
			n++
		}
		if toks == nil && !pass.Doc.InVerbatim(i) || toks != nil && inProse(toks, i) {
			if d, ok := judge(pass.Doc, toks, r, n, i, j); ok {
				prose.Report(pass, d)
			}
		}
		i = j - 1
	}
}

func candidate(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return r != '\t' && r != '\n' && r != '\r'
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x00AD, r == 0x061C, r == 0xFEFF:
		return true
	}
	return false
}

// inProse reports whether off lies in a token that is prose: not code cut
// out of Markdown, not markup, not a URL or file name.
func inProse(toks []document.Token, off int) bool {
	k := sort.Search(len(toks), func(k int) bool { return int(toks[k].End()) > off })
	if k == len(toks) || int(toks[k].Start) > off {
		return false
	}
	switch toks[k].Kind() {
	case document.TokGap, document.TokMarkup, document.TokLiteral:
		return false
	}
	return true
}

// judge decides whether the run of n characters r at src[i:j] is a finding
// and builds it.
func judge(doc *document.Document, toks []document.Token, r rune, n, i, j int) (lint.Diagnostic, bool) {
	src := doc.Src
	prev, _ := utf8.DecodeLastRune(src[:i])
	next, _ := utf8.DecodeRune(src[j:])
	if i == 0 {
		prev = -1
	}
	if j >= len(src) {
		next = -1
	}
	name := charName(r)
	replace := ""
	app := lint.Safe
	msg := "remove it"
	fixMsg := "Remove the invisible character"
	switch {
	case r == 0x00AD:
		if inMojibake(src, i) {
			return lint.Diagnostic{}, false // "Ã\u00ad" is í read as Windows-1252: the mojibake rule's
		}
	case r == 0x200B:
		if noSpaceScript(prev) || noSpaceScript(next) {
			return lint.Diagnostic{}, false // word breaks in Thai, Khmer, ...
		}
	case r == 0x200C || r == 0x200D:
		if joiningScript(prev) || joiningScript(next) {
			return lint.Diagnostic{}, false // Persian, Indic conjuncts
		}
		if r == 0x200D && emoji(prev) && emoji(next) {
			return lint.Diagnostic{}, false // 👩‍💻
		}
	case r == 0x200E || r == 0x200F || r == 0x061C || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069:
		if hasRTL(context(doc, toks, i)) {
			return lint.Diagnostic{}, false
		}
		if r == 0x202D || r == 0x202E {
			app = lint.Unsafe
			msg = "remove it (the text will show in its stored order)"
		}
	case r == 0xFEFF:
		if i == 0 && doc.BOM() > 0 {
			return lint.Diagnostic{}, false
		}
		if dash(prev) || dash(next) {
			// The old, deprecated zero-width no-break space: keep the
			// no-break, in the character meant for it.
			replace = "\u2060"
			msg = "replace it with a word joiner (U+2060)"
			fixMsg = "Replace with a word joiner (U+2060)"
		}
	case r == '\v' || r == '\f':
		if prev > ' ' && next > ' ' {
			replace = " "
			msg = "replace it with a space"
			fixMsg = "Replace with a space"
		}
	case r >= 0x80 && r <= 0x9F:
		if inMojibake(src, i) {
			return lint.Diagnostic{}, false // the mojibake rule re-decodes the whole sequence
		}
		if m := charmap.Windows1252.DecodeByte(byte(r)); m != utf8.RuneError {
			replace = string(m)
			app = lint.Unsafe
			name = fmt.Sprintf("C1 control character U+%04X (a Windows-1252 %q read as Latin-1)", r, string(m))
			msg = fmt.Sprintf("replace it with %q", string(m))
			fixMsg = fmt.Sprintf("Replace with %q", string(m))
		}
	}
	if n > 1 {
		name = fmt.Sprintf("%d × %s", n, name)
		switch replace {
		case "":
			msg = "remove them"
			fixMsg = "Remove the invisible characters"
		case " ":
			msg = "replace them with a space"
		default:
			msg = strings.Replace(msg, " it ", " them ", 1)
			one := replace
			for k := 1; k < n; k++ {
				replace += one
			}
		}
	}
	return lint.Diagnostic{
		Start:   i,
		End:     j,
		Message: name + "; " + msg,
		Fix:     &lint.Fix{Message: fixMsg, Applicability: app, Edits: []lint.Edit{{Start: i, End: j, NewText: replace}}},
	}, true
}

// context returns the text a bidi mark is judged in: the Markdown block, or
// the line of a plain-text export (where a paragraph is one line).
func context(doc *document.Document, toks []document.Token, i int) []byte {
	src := doc.Src
	if toks != nil {
		return src[toks[0].Start:toks[len(toks)-1].End()]
	}
	s, e := i, i
	for s > 0 && src[s-1] != '\n' {
		s--
	}
	for e < len(src) && src[e] != '\n' {
		e++
	}
	return src[s:e]
}

func charName(r rune) string {
	switch r {
	case 0x200B:
		return "zero-width space (U+200B)"
	case 0x200C:
		return "zero-width non-joiner (U+200C)"
	case 0x200D:
		return "zero-width joiner (U+200D)"
	case 0x200E:
		return "left-to-right mark (U+200E) in text without right-to-left script"
	case 0x200F:
		return "right-to-left mark (U+200F) in text without right-to-left script"
	case 0x061C:
		return "Arabic letter mark (U+061C) in text without right-to-left script"
	case 0x202A, 0x202B, 0x202C, 0x2066, 0x2067, 0x2068, 0x2069:
		return fmt.Sprintf("bidi control U+%04X in text without right-to-left script", r)
	case 0x202D:
		return "left-to-right override (U+202D) in text without right-to-left script"
	case 0x202E:
		return "right-to-left override (U+202E) in text without right-to-left script"
	case 0x00AD:
		return "soft hyphen (U+00AD)"
	case 0xFEFF:
		return "byte order mark (U+FEFF) inside the text"
	case 0x00:
		return "null character (U+0000)"
	case '\v':
		return "vertical tab (U+000B)"
	case '\f':
		return "form feed (U+000C)"
	case 0x7F:
		return "delete character (U+007F)"
	}
	if r >= 0x80 {
		return fmt.Sprintf("C1 control character U+%04X", r)
	}
	return fmt.Sprintf("control character U+%04X", r)
}

func dash(r rune) bool {
	return r == '–' || r == '—' || r == '‒' || r == '―' || r == '-' || r == '‑' || r == '⸺' || r == '⸻'
}

// noSpaceScript: scripts written without spaces between words, where a
// zero-width space marks a word break for line breaking.
func noSpaceScript(r rune) bool {
	return r >= 0x0E00 && r <= 0x0FFF || // Thai, Lao, Tibetan
		r >= 0x1000 && r <= 0x109F || // Myanmar
		r >= 0x1780 && r <= 0x17FF || // Khmer
		r >= 0x1950 && r <= 0x19DF || // Tai Le, New Tai Lue
		r >= 0x1A20 && r <= 0x1AAF || // Tai Tham
		r >= 0xA9E0 && r <= 0xA9FF || r >= 0xAA60 && r <= 0xAADF // Myanmar ext., Tai Viet
}

// joiningScript: scripts where ZWJ and ZWNJ choose letter forms (Arabic,
// Syriac, the Indic scripts and their relatives).
func joiningScript(r rune) bool {
	return r >= 0x0590 && r <= 0x0DFF || // Hebrew, Arabic, Syriac, Thaana, NKo, Indic, Sinhala
		r >= 0x0E00 && r <= 0x109F || // Thai, Lao, Tibetan, Myanmar
		r >= 0x1700 && r <= 0x18AF || // Philippine scripts, Khmer, Mongolian
		r >= 0x1900 && r <= 0x1CFF || // Limbu ... Vedic extensions
		r >= 0xA800 && r <= 0xABFF || // Syloti Nagri ... Meetei Mayek
		r >= 0xFB1D && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFE || // presentation forms
		r >= 0x10A00 && r <= 0x11FFF || r >= 0x1E900 && r <= 0x1E95F // Brahmi ..., Adlam
}

// emoji approximates Extended_Pictographic plus the pieces of emoji
// sequences (variation selector 16, skin tones, tags).
func emoji(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r >= 0x2300 && r <= 0x23FF ||
		r >= 0x2B00 && r <= 0x2BFF || r >= 0x2190 && r <= 0x21FF || r == 0xFE0F || r == 0x20E3 ||
		r >= 0xE0020 && r <= 0xE007F || r == 0xA9 || r == 0xAE || r == 0x203C || r == 0x2049 || r == 0x2122 || r == 0x2139
}

func rtl(r rune) bool {
	return r >= 0x0590 && r <= 0x08FF || r >= 0xFB1D && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFE ||
		r >= 0x10800 && r <= 0x10FFF || r >= 0x1E800 && r <= 0x1EFFF
}

func hasRTL(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		if rtl(r) && r != 0x061C {
			return true
		}
		i += w
	}
	return false
}

// inMojibake reports whether the C1 character at off belongs to a UTF-8
// sequence read as Latin-1 or Windows-1252 ("â€\u009d" for ”), which
// the mojibake rule re-decodes as a whole.
func inMojibake(src []byte, off int) bool {
	p := off
	for back := 0; back < 3 && p > 0; back++ {
		r, w := utf8.DecodeLastRune(src[:p])
		p -= w
		if r < 0xC2 || r > 0xF4 {
			if _, ok := prose.ContinuationByte(r); ok {
				continue
			}
			return false
		}
		need := 2
		switch {
		case r >= 0xF0:
			need = 4
		case r >= 0xE0:
			need = 3
		}
		buf := []byte{byte(r)}
		k := p + w
		for len(buf) < need && k < len(src) {
			r2, w2 := utf8.DecodeRune(src[k:])
			b, ok := prose.ContinuationByte(r2)
			if !ok {
				break
			}
			buf = append(buf, b)
			k += w2
		}
		return len(buf) == need && utf8.Valid(buf) && k > off
	}
	return false
}

// skipPlain returns the first index from i on where src holds a byte that
// is not printable ASCII (a control, DEL, or a byte of 0x80 or more), or
// end; it reads eight bytes at a time.
func skipPlain(src []byte, i, end int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= end; i += 8 {
		x := binary.LittleEndian.Uint64(src[i:])
		below := (x - 0x20*ones) &^ x & highs                    // a byte below 0x20
		del := (x ^ 0x7F*ones - ones) &^ (x ^ 0x7F*ones) & highs // a byte equal to 0x7F
		if x&highs|below|del != 0 {
			break
		}
	}
	for i < end && src[i] >= 0x20 && src[i] < 0x7F {
		i++
	}
	return i
}
