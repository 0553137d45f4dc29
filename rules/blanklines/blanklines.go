// Package blanklines finds runs of blank lines, left where images or
// embeds were removed, and keeps one.
package blanklines

import (
	"fmt"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/lines"
)

// Rule is the blank-lines rule.
var Rule = &lint.Rule{
	ID:       "blank-lines",
	Category: lint.CategoryTypography,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixSafe,
	Doc: lint.Doc{
		Title: "More than one blank line in a row",
		Why: "One blank line separates paragraphs; more are leftovers of removed images and embeds, and some " +
			"publishing systems turn each into an empty paragraph. Lines holding only spaces count as blank. " +
			"Code blocks and front matter are left alone.",
		Wrong: "The lecture series ends in May.\n\n\n\nTickets are free.",
		Right: "The lecture series ends in May.\n\nTickets are free.",
		Fix:   "Safe: deletes the extra lines whole, so line endings stay as they were.",
	},
	Run: run,
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	n := doc.Lines()
	// A file ending in a line break has an empty last "line" that is not a line.
	if n > 1 && doc.LineStart(n) == len(src) {
		n--
	}
	for l := 1; l <= n; {
		if !lines.IsBlank(doc, l) || doc.InVerbatim(doc.LineStart(l)) {
			l++
			continue
		}
		first := l
		for l <= n && lines.IsBlank(doc, l) && !doc.InVerbatim(doc.LineStart(l)) {
			l++
		}
		count := l - first
		if count < 2 {
			continue
		}
		start := doc.LineStart(first + 1)
		end := len(src)
		if l <= doc.Lines() && l <= n {
			end = doc.LineStart(l)
		}
		pass.Report(lint.Diagnostic{
			Start:   start,
			End:     end,
			Message: fmt.Sprintf("%d blank lines in a row; keep one", count),
			Fix:     &lint.Fix{Message: fmt.Sprintf("Delete %d extra blank lines", count-1), Applicability: lint.Safe, Edits: []lint.Edit{{Start: start, End: end}}},
		})
	}
}
