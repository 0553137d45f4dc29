// Package mojibake finds UTF-8 text that was read as Windows-1252 (or
// Latin-1) and saved again ("â€™" for ’, "Ã©" for é), and re-decodes it.
package mojibake

import (
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the mojibake rule.
var Rule = &lint.Rule{
	ID:       "mojibake",
	Category: lint.CategoryCleaning,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixUnsafe,
	Doc: lint.Doc{
		Title: "Mojibake: UTF-8 read as Windows-1252 and saved again (â€™ for ’, Ã© for é)",
		Why: "When a UTF-8 file is opened as Windows-1252 or Latin-1 and saved again, every accented letter and " +
			"curly quote turns into two or three wrong characters: \"donâ€™t\", \"cafÃ©\", \"â€œquoteâ€\u009d\", " +
			"\"10Â km\". Readers see garbage and search misses the words. A run is reported only when its " +
			"characters, encoded back to Windows-1252 bytes, form valid UTF-8 for a plausible character (a letter " +
			"with a diacritic, punctuation, a symbol, an emoji; Greek, Cyrillic or CJK only when at least two " +
			"come together), so names such as \"SÃO PAULO\", \"CHÂTEAU\" or Vietnamese words are not touched. " +
			"Two traces without their last byte are reported too: \"â€\" where ” lost its byte 0x9D, and a stray " +
			"\"Â\" before a space, left from a no-break space.",
		Wrong: "The museumâ€™s cafÃ© opens at 9Â am.",
		Right: "The museum’s café opens at 9 am.",
		Fix: "Unsafe: replaces the run with the text its bytes encode (golang.org/x/text/encoding/charmap, " +
			"Windows-1252). The decoding is almost always right, but it is a guess about how the text was damaged; " +
			"text damaged twice needs a second fix; a stray \"Â\" is deleted.",
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
		toks := doc.BlockTokens(b)
		lo, hi := b.Prose.Start, b.Prose.End
		for i := lo; i+1 < hi; i++ {
			if i = prose.SkipASCII(src, i, hi); i+1 >= hi {
				break
			}
			// The lead characters Â (U+00C2) to ô (U+00F4) are C3 82 to C3 B4.
			if src[i] != 0xC3 || src[i+1] < 0x82 || src[i+1] > 0xB4 {
				continue
			}
			// A stray "Â" after an address ends it; other mojibake there may
			// be part of an internationalised URL, which is not linted.
			d, end, ok := prose.FindMojibake(src, lo, hi, i)
			if ok && prose.InProse(toks, i, end) && (string(src[d.Start:d.End]) == "Â" || !prose.AfterLiteral(toks, i)) {
				pass.Report(d)
			}
			if end > i+1 {
				i = end - 1
			} else {
				i++
			}
		}
	}
}
