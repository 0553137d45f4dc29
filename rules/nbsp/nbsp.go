// Package nbsp finds no-break and other typographic spaces standing in for
// ordinary word spaces, the trace of &nbsp; in scraped or pasted HTML.
package nbsp

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the nbsp rule.
var Rule = &lint.Rule{
	ID:       "nbsp",
	Category: lint.CategoryCleaning,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixSafe,
	Doc: lint.Doc{
		Title: "A no-break or typographic space used as an ordinary word space",
		Why: "Text copied from web pages carries U+00A0 (from &nbsp;) and other odd spaces between words. They " +
			"look like spaces but stop lines from wrapping, break search and word counts, and make doubled words " +
			"invisible to simple checks. Deliberate typography is left alone: a no-break space after an " +
			"abbreviation (\"Mr.\u00a0Lee\"), between a number and its unit (\"10\u00a0km\"), or a hair space " +
			"between nested quotes. Trailing ones are trailing-whitespace's to report.",
		Wrong: "The\u00a0museum\u00a0opened its new gallery.",
		Right: "The museum opened its new gallery.",
		Fix:   "Safe: replaces each odd space with an ordinary space, one for one.",
	},
	Options: []lint.OptionDecl{allowWithNumbers},
	Needs:   document.HasOddSpace,
	Run:     run,
}

var allowWithNumbers = lint.BoolOption{
	Name: "allow-with-numbers", Default: true,
	Doc: "Keep no-break spaces after a number or before one (\"10\u00a0km\", \"page\u00a012\"), where they prevent a bad line break.",
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	numbers := allowWithNumbers.Get(pass)
	for _, b := range pass.Blocks() {
		toks := doc.BlockTokens(b)
		for i, t := range toks {
			if t.Kind() != document.TokSpace || !t.Is(document.FlagOddSpace) {
				continue
			}
			// Only spaces between two words, or after a comma or colon before
			// a word, stand in for word spaces; at the line end it is trailing
			// whitespace.
			if i == 0 || i+1 >= len(toks) {
				continue
			}
			prev, next := toks[i-1], toks[i+1]
			switch next.Kind() {
			case document.TokWord:
			case document.TokNumber:
				if numbers {
					continue
				}
			default:
				continue
			}
			switch prev.Kind() {
			case document.TokWord:
			case document.TokNumber:
				if numbers {
					continue
				}
			case document.TokPunct:
				c := src[prev.Start]
				if c != ',' && c != ';' && c != ':' {
					continue
				}
			default:
				continue
			}
			prose.Report(pass, diagnostic(src, t))
		}
	}
}

func diagnostic(src []byte, t document.Token) lint.Diagnostic {
	var b strings.Builder
	var name string
	odd := 0
	for i := int(t.Start); i < int(t.End()); {
		r, w := utf8.DecodeRune(src[i:t.End()])
		if document.IsOddSpace(r) {
			odd++
			if name == "" {
				name = spaceName(r)
			}
			b.WriteByte(' ')
		} else {
			b.WriteRune(r)
		}
		i += w
	}
	msg := fmt.Sprintf("%s used as a word space; replace it with a space", name)
	if odd > 1 {
		msg = fmt.Sprintf("%d odd spaces (%s) used as a word space; replace them with spaces", odd, name)
	}
	return lint.Diagnostic{
		Start:   int(t.Start),
		End:     int(t.End()),
		Message: msg,
		Fix:     &lint.Fix{Message: "Replace with an ordinary space", Applicability: lint.Safe, Edits: []lint.Edit{{Start: int(t.Start), End: int(t.End()), NewText: b.String()}}},
	}
}

func spaceName(r rune) string {
	switch r {
	case 0xA0:
		return "no-break space (U+00A0)"
	case 0x202F:
		return "narrow no-break space (U+202F)"
	case 0x3000:
		return "ideographic space (U+3000)"
	case 0x2009:
		return "thin space (U+2009)"
	case 0x200A:
		return "hair space (U+200A)"
	}
	return fmt.Sprintf("space U+%04X", r)
}
