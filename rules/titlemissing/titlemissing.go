// Package titlemissing finds articles without a title: no title line in a
// plain-text export, no `title` in front matter and no level-1 heading.
package titlemissing

import (
	"bytes"
	"strings"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/pubdate"
)

// Rule is the title-missing rule.
var Rule = &lint.Rule{
	ID:       "title-missing",
	Category: lint.CategoryMetadata,
	Severity: lint.SeverityWarning,
	Doc: lint.Doc{
		Title: "An article with no title",
		Why: "Listings, feeds, search results and previous/next links show an article by its title; without one " +
			"they show a file name or nothing. A plain-text article's title is its first line (after an optional " +
			"section label); a Markdown article's is the front matter `title`, or else its first level-1 heading. " +
			"Redirect stubs (a `redirect` key), VitePress home pages (layout: home), Hugo or Zola section pages (_index.md) " +
			"with no text of their own, partials and includes (a file or folder whose name starts with an underscore, " +
			"a partials or includes folder) and pages whose front matter says they are not rendered (headless: true, " +
			"build: {render: never}, published: false, a template or layout with no body) are not articles and are left alone.",
		Wrong: "Date: 2025-03-14\n\nThe gallery shows the ocean collection.",
		Right: "The Museum opens a new gallery\n\nDate: 2025-03-14\n\nThe gallery shows the ocean collection.",
	},
	Run: run,
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	if strings.TrimSpace(doc.Title) != "" || doc.Format == document.FormatMarkdown && doc.Meta == nil || pubdate.NotPage(doc) || pubdate.SectionPage(doc.Summary) && pubdate.EmptyBody(doc) || pubdate.Snippet(doc) || len(bytes.TrimSpace(doc.Src)) == 0 {
		return
	}
	at := pubdate.Where(doc.Summary)
	how := "add a title line at the top"
	if doc.Format == document.FormatMarkdown {
		how = "add a title to the front matter or a level-1 heading"
		if v, ok := doc.Meta["title"]; ok {
			if _, isString := v.(string); !isString || v == "" {
				how = "the front matter title is empty; fill it in"
			}
		}
	}
	pass.Reportf(at.Start, at.End, "no title; %s", how)
}
