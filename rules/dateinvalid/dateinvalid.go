// Package dateinvalid finds publication dates that cannot be read or
// cannot be real: 2025-02-30, 31 April 2025, a wrong weekday, 25:10.
package dateinvalid

import (
	"errors"
	"fmt"
	"time"

	"github.com/copydesk/copydesk/dates"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/pubdate"
)

// Rule is the date-invalid rule.
var Rule = &lint.Rule{
	ID:       "date-invalid",
	Category: lint.CategoryMetadata,
	Severity: lint.SeverityError,
	Doc: lint.Doc{
		Title: "A publication date that cannot be read, does not exist, or is ambiguous",
		Why: "A date that does not exist (2025-02-30, 31 April 2025), whose weekday is wrong (Friday, March 12, " +
			"2025 was a Wednesday) or whose time cannot be (25:10) is a typo that sorts the article into the wrong " +
			"place, or breaks the site build. A numeric date such as 03/04/2025 reads as 3 April in some countries " +
			"and as March 4 in others; it is reported as ambiguous unless `dates.order` in the configuration says " +
			"day-first or month-first. Every date source that counts (`dates.sources`) is checked: the date line, " +
			"front matter, the file name and the path.",
		Wrong: "The Museum opens a new gallery\n\nDate: 2025-02-30\n\nThe gallery shows the ocean collection.",
		Right: "The Museum opens a new gallery\n\nDate: 2025-02-28\n\nThe gallery shows the ocean collection.",
		Fix:   "",
	},
	Run: run,
}

func run(pass *lint.Pass) {
	for _, f := range pubdate.Fields(pass.Doc.Summary, pass.Project) {
		what := pubdate.Describe(f.DateField)
		var msg string
		switch {
		case f.ParseErr != nil:
			if !errors.Is(f.ParseErr, dates.ErrNotADate) {
				msg = fmt.Sprintf("%s %q cannot be read: %v; write it as 2025-03-14", what, f.Raw, f.ParseErr)
			} else {
				msg = fmt.Sprintf("%s %q is not a date; write it as 2025-03-14", what, f.Raw)
			}
		case f.Date.Err != nil:
			msg = fmt.Sprintf("%s %q does not exist: %v; correct it", what, f.Raw, f.Date.Err)
		case f.Date.Ambiguous:
			d := f.Date
			msg = fmt.Sprintf("%s %q is ambiguous: %d %s or %s %d; write %s or %s, or set dates.order to day-first or month-first",
				what, f.Raw, d.Month, time.Month(d.Day), time.Month(d.Month), d.Day, iso(d.Year, d.Month, d.Day), iso(d.Year, d.Day, d.Month))
		default:
			continue
		}
		sp := f.Span
		if sp.End <= sp.Start {
			sp = pubdate.Where(pass.Doc.Summary)
		}
		pass.Reportf(sp.Start, sp.End, "%s", msg)
	}
}

func iso(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) }
