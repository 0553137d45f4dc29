// Package unicodenormalization finds text that is not in Unicode
// normalization form C, such as accents typed or pasted as combining marks
// ("e" + U+0301), and composes it.
package unicodenormalization

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the unicode-normalization rule.
var Rule = &lint.Rule{
	ID:       "unicode-normalization",
	Category: lint.CategoryCleaning,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixSafe,
	Doc: lint.Doc{
		Title: "Text not in Unicode normalization form C: decomposed accents (e + U+0301)",
		Why: "The same letter can be stored precomposed (é, U+00E9) or as a base letter and a combining mark " +
			"(e + U+0301), which text from macOS file names, PDFs and some keyboards produces. Both look alike, but " +
			"search, sorting, spell checkers and duplicate detection treat them as different words, and some fonts " +
			"draw the mark in the wrong place. The web and most publishing systems expect NFC. CJK compatibility " +
			"ideographs, which NFC would replace with their unified forms, are left alone: the choice of glyph may " +
			"be deliberate.",
		Wrong: "Our guest was Zoe\u0308 Lesin\u0301ska from the Cafe\u0301 Society.",
		Right: "Our guest was Zoë Lesińska from the Café Society.",
		Fix: "Safe: replaces each run that is not in NFC with its NFC form (golang.org/x/text/unicode/norm). The " +
			"characters are canonically equivalent, so the text reads the same; nothing outside the run changes.",
	},
	Needs: document.HasNonASCII,
	Run:   run,
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	for _, b := range pass.Blocks() {
		if b.Tok1 == b.Tok0 {
			continue
		}
		lo, hi := b.Prose.Start, b.Prose.End
		for i := lo; i < hi; i++ {
			// Every character below U+0300 (lead bytes up to 0xCB) is in NFC
			// and composes with nothing before it: ASCII and Latin-1 text
			// costs next to nothing.
			if i = prose.SkipASCII(src, i, hi); i == hi {
				break
			}
			if src[i] < 0xCC {
				continue
			}
			// Check from the last boundary before it to the next ASCII
			// byte, which always starts a new segment.
			q := lo
			if k := norm.NFC.LastBoundary(src[lo:i]); k > 0 {
				q = lo + k
			}
			e := i + 1
			for e < hi && src[e] >= utf8.RuneSelf {
				e++
			}
			if norm.NFC.QuickSpan(src[q:e]) != e-q {
				check(pass, doc.BlockTokens(b), q, e)
			}
			i = e - 1
		}
	}
}

// check walks the segments from i, the first one that may not be in NFC,
// and reports each run of consecutive segments that NFC changes.
func check(pass *lint.Pass, toks []document.Token, i, hi int) {
	src := pass.Doc.Src
	runStart, runEnd := -1, -1
	var out []byte
	flush := func() {
		if runStart >= 0 {
			if prose.InProse(toks, runStart, runEnd) {
				prose.Report(pass, diagnostic(src, runStart, runEnd, out))
			}
			runStart, runEnd, out = -1, -1, out[:0]
		}
	}
	for i < hi {
		seg := norm.NFC.NextBoundary(src[i:hi], true)
		if seg <= 0 {
			seg = 1
		}
		s := src[i : i+seg]
		if !norm.NFC.IsNormal(s) && !compatIdeograph(s) {
			if runStart < 0 {
				runStart = i
			}
			runEnd = i + seg
			out = norm.NFC.Append(out, s...)
			i += seg
			continue
		}
		flush()
		i += seg
		// Skip ahead over text that is plainly in NFC.
		i += norm.NFC.QuickSpan(src[i:hi])
	}
	flush()
}

// compatIdeograph: NFC maps CJK compatibility ideographs (U+F900–U+FAFF,
// U+2F800–U+2FA1F) to unified ones, losing a glyph distinction the writer
// may have chosen.
func compatIdeograph(s []byte) bool {
	for _, r := range string(s) {
		if r >= 0xF900 && r <= 0xFAFF || r >= 0x2F800 && r <= 0x2FA1F {
			return true
		}
	}
	return false
}

func diagnostic(src []byte, start, end int, nfc []byte) lint.Diagnostic {
	orig := string(src[start:end])
	fixed := string(nfc)
	var msg string
	if hasMark(orig) {
		msg = fmt.Sprintf("%q is written with combining marks (%s); use the composed form %s (NFC)", fixed, codes(orig), codes(fixed))
	} else {
		msg = fmt.Sprintf("%q (%s) is not in Unicode NFC; use %s", orig, codes(orig), codes(fixed))
	}
	return lint.Diagnostic{
		Start: start, End: end, Message: msg,
		Fix: &lint.Fix{Message: "Normalize to NFC", Applicability: lint.Safe, Edits: []lint.Edit{{Start: start, End: end, NewText: fixed}}},
	}
}

func hasMark(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) || r >= 0x1160 && r <= 0x11FF {
			return true
		}
	}
	return false
}

// codes lists the code points of s, at most 8.
func codes(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == 8 {
			b.WriteString(" …")
			break
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		if r < utf8.RuneSelf && r > ' ' {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "U+%04X", r)
		}
		n++
	}
	return b.String()
}
