// Package datefuture finds publication dates after today.
package datefuture

import (
	"fmt"
	"time"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/pubdate"
)

// Rule is the date-future rule.
var Rule = &lint.Rule{
	ID:       "date-future",
	Category: lint.CategoryMetadata,
	Severity: lint.SeverityWarning,
	Doc: lint.Doc{
		Title: "A publication date after today",
		Why: "An article dated in the future is usually a typo in the year or month (2052 for 2025, 11 for 01); " +
			"a site may also hide it until that day. The article's preferred date (date line, front matter, file " +
			"name, path, as `dates.sources` allows) is compared with today's calendar date; `--today YYYY-MM-DD` " +
			"fixes today for reproducible runs. Drafts (draft: true) may be dated ahead and are left alone.",
		Wrong: "The Museum opens a new gallery\n\nDate: 2952-03-14\n\nThe gallery shows the ocean collection.",
		Right: "The Museum opens a new gallery\n\nDate: 2025-03-14\n\nThe gallery shows the ocean collection.",
	},
	Run: run,
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	if doc.Draft {
		return
	}
	f, ok := pubdate.Publication(doc.Summary, pass.Project)
	if !ok {
		return
	}
	today := pass.Today
	if today.IsZero() {
		today = time.Now()
	}
	ty, tm, td := today.Date()
	d := f.Date
	if cmp(d.Year, d.Month, d.Day, ty, int(tm), td) <= 0 {
		return
	}
	sp := f.Span
	if sp.End <= sp.Start {
		sp = pubdate.Where(doc.Summary)
	}
	days := int(time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Sub(time.Date(ty, tm, td, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	pass.Reportf(sp.Start, sp.End, "%s %q is %s after today (%04d-%02d-%02d); check the year and month",
		pubdate.Describe(f.DateField), f.Raw, span(days), ty, int(tm), td)
}

func cmp(y1, m1, d1, y2, m2, d2 int) int {
	a, b := y1*10000+m1*100+d1, y2*10000+m2*100+d2
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func span(days int) string {
	if days == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", days)
}
