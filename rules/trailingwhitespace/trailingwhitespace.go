// Package trailingwhitespace finds spaces, tabs and no-break spaces at the
// end of lines, invisible leftovers that make diffs noisy.
package trailingwhitespace

import (
	"fmt"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// Rule is the trailing-whitespace rule.
var Rule = &lint.Rule{
	ID:       "trailing-whitespace",
	Category: lint.CategoryTypography,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixSafe,
	Doc: lint.Doc{
		Title: "Spaces, tabs or no-break spaces at the end of a line",
		Why: "Trailing whitespace is invisible in an editor, shows up as noise in every diff and review, and " +
			"trailing no-break spaces are left from &nbsp; in scraped HTML. Code blocks and front matter are left alone; " +
			"in Markdown, exactly two spaces before a line break inside a paragraph are a hard line break and are kept.",
		Wrong: "The gallery opens on Friday.␣␣␣",
		Right: "The gallery opens on Friday.",
		Fix:   "Safe: deletes the whitespace at the line end; the line ending itself is kept.",
	},
	Options: []lint.OptionDecl{allowHardBreaks},
	Run:     run,
}

var allowHardBreaks = lint.BoolOption{
	Name: "allow-hard-breaks", Default: true,
	Doc: "In Markdown, keep exactly two trailing spaces inside a paragraph: they are a hard line break.",
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	hardBreaks := allowHardBreaks.Get(pass) && doc.Format == document.FormatMarkdown
	for n := 1; n <= doc.Lines(); n++ {
		ls := doc.LineSpan(n)
		end := ls.End
		start := end
		chars, odd := 0, 0
		for start > ls.Start {
			c := src[start-1]
			if c == ' ' || c == '\t' {
				start--
				chars++
				continue
			}
			r, w := utf8.DecodeLastRune(src[ls.Start:start])
			if document.IsOddSpace(r) {
				start -= w
				chars++
				odd++
				continue
			}
			break
		}
		if chars == 0 || doc.InVerbatim(start) {
			continue
		}
		if hardBreaks && odd == 0 && chars == 2 && src[start] == ' ' && src[start+1] == ' ' && start > ls.Start && n < doc.Lines() {
			next := doc.LineSpan(n + 1)
			if next.End > next.Start && !blank(src[next.Start:next.End]) {
				continue
			}
		}
		what := "trailing whitespace"
		if odd > 0 {
			what = "trailing no-break space"
			if odd > 1 {
				what = "trailing no-break spaces"
			}
		}
		pass.Report(lint.Diagnostic{
			Start:   start,
			End:     end,
			Message: fmt.Sprintf("%s; remove it", what),
			Fix:     &lint.Fix{Message: "Remove trailing whitespace", Applicability: lint.Safe, Edits: []lint.Edit{{Start: start, End: end}}},
		})
	}
}

func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}
