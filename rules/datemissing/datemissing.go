// Package datemissing finds articles with no publication date in any of
// the places the configuration says dates live.
package datemissing

import (
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/pubdate"
)

// Rule is the date-missing rule.
var Rule = &lint.Rule{
	ID:       "date-missing",
	Category: lint.CategoryMetadata,
	Severity: lint.SeverityWarning,
	Doc: lint.Doc{
		Title: "An article with no publication date",
		Why: "Readers judge news by its date, and archives sort by it. A date is read from a date line under the " +
			"title of a plain-text article (Date:, Publish Time:, Published:, 发布时间：, or a bare date), from " +
			"front matter (date, published, pubDate), from a Jekyll file name (2025-03-14-slug.md), from a " +
			"/2025/03/14/ folder path, or from a Zola `path = \"2025/03/14/slug\"` key; `dates.sources` in the " +
			"configuration says which of these count. Drafts (draft: true), redirect stubs, VitePress home pages (layout: home), Hugo or Zola section pages (_index.md) and the pages that " +
			"`dates.undated` names are exempt. A date that is there but cannot be read is date-invalid's, not this rule's. " +
			"The rule learns from the corpus whether it is a dated archive: when it has five pages or more to " +
			"judge, it reports only in sections (the first folder under the corpus root: blog/, guide/, the pages at the " +
			"top) that date their pages, two or more and at least half of them; elsewhere the site is documentation or a " +
			"wiki, not a news archive, and the rule stays quiet.",
		Wrong: "The Museum opens a new gallery\n\nThe gallery shows the ocean collection.",
		Right: "The Museum opens a new gallery\n\nDate: 2025-03-14\n\nThe gallery shows the ocean collection.",
	},
	Corpus: lint.FactCodec(lint.CorpusFacts(collect, check), encodeFact, decodeFact),
}

// minPages is the number of pages that must be asked for a date before the
// corpus can say whether it is a dated archive; fewer (a pre-commit hook on
// one file) always report.
const minPages = 5

// A fact is what collect learns of one page that ought to have a date; pages
// exempt by design give none.
type fact struct {
	dated bool
	d     lint.Diagnostic // the finding when the page has no date
}

func collect(pass *lint.Pass) *fact {
	doc := pass.Doc
	if doc.Draft || pubdate.NotArticle(doc) || pubdate.Snippet(doc) || len(bytes.TrimSpace(doc.Src)) == 0 {
		return nil
	}
	if cfg := pass.Project; cfg != nil && len(cfg.Dates.Undated) > 0 {
		for _, g := range cfg.Dates.Undated {
			if config.MatchGlob(g, pass.Rel) {
				return nil
			}
		}
	}
	if len(pubdate.Fields(doc.Summary, pass.Project)) > 0 {
		return &fact{dated: true}
	}
	at := pubdate.Where(doc.Summary)
	var how string
	switch {
	case doc.Meta != nil:
		how = "add a date key to the front matter (date: 2025-03-14)"
	case doc.Format == document.FormatMarkdown:
		how = "add front matter with a date (date: 2025-03-14)"
	default:
		how = "add a date line under the title (Date: 2025-03-14)"
	}
	if cfg := pass.Project; cfg != nil && len(cfg.Dates.Sources) > 0 && len(doc.Dates) > 0 {
		how += "; the date in the " + pubdate.Describe(doc.Dates[0]) + " does not count under dates.sources: " + strings.Join(cfg.Dates.Sources, ", ")
	}
	return &fact{d: lint.Diagnostic{Start: at.Start, End: at.End, Message: "no publication date; " + how}}
}

func check(pass *lint.CorpusPass, facts []*fact) {
	asked := 0
	for _, f := range facts {
		if f != nil {
			asked++
		}
	}
	if asked < minPages {
		report(pass, facts, func(int) bool { return true })
		return
	}
	// Each section (the folder a page is in, date folders such as 2025/03
	// aside, a bundle's index page with the pages beside its folder) is
	// judged on its own: a site's blog/ dates its posts while guide/ and the pages at
	// the top do not. Dates belong to a series of articles: a section is
	// dated when two or more of its pages and at least half have a date;
	// elsewhere (docs, a wiki, a page alone) a missing date is the site's
	// convention.
	root := commonDir(pass.Summaries)
	type tally struct{ asked, dated int }
	sections := map[string]*tally{}
	section := make([]string, len(pass.Summaries))
	for i, f := range facts {
		if f == nil {
			continue
		}
		section[i] = sectionOf(root, pass.Summaries[i].Path)
		t := sections[section[i]]
		if t == nil {
			t = &tally{}
			sections[section[i]] = t
		}
		t.asked++
		if f.dated {
			t.dated++
		}
	}
	dated := func(t *tally) bool { return t.dated >= 2 && 2*t.dated >= t.asked }
	var quiet []string
	undated := 0
	for name, t := range sections {
		if !dated(t) && t.asked > t.dated {
			if name == "" {
				name = "the pages at the top"
			}
			quiet = append(quiet, name)
			undated += t.asked - t.dated
		}
	}
	if len(quiet) > 0 {
		sort.Strings(quiet)
		pass.Note(fmt.Sprintf("%d pages have no date in sections that do not date their pages (%s); they are not reported",
			undated, strings.Join(quiet, ", ")))
	}
	report(pass, facts, func(i int) bool { return dated(sections[section[i]]) })
}

// report reports the undated pages for which dated says the section dates
// its pages.
func report(pass *lint.CorpusPass, facts []*fact, dated func(i int) bool) {
	for i, f := range facts {
		if f != nil && !f.dated && pass.Reports(i) && dated(i) {
			pass.Report(pass.Summaries[i].Path, f.d)
		}
	}
}

// commonDir returns the longest folder that holds every summary's path.
func commonDir(sums []*document.Summary) string {
	if len(sums) == 0 {
		return ""
	}
	root := path.Dir(filepath.ToSlash(sums[0].Path))
	for _, s := range sums[1:] {
		p := filepath.ToSlash(s.Path)
		for root != "." && root != "/" && !strings.HasPrefix(p, root+"/") {
			root = path.Dir(root)
		}
	}
	return root
}

// sectionOf names the first folder of p under root, or "" for a page at the
// top. Folders named by a date (2025/, 03/, 2025-03/) split one dated series
// and are not sections of their own.
func sectionOf(root, p string) string {
	p = filepath.ToSlash(p)
	if root != "." && root != "/" {
		p = strings.TrimPrefix(p, root+"/")
	}
	segs := strings.Split(p, "/")
	dirs := segs[:len(segs)-1]
	// A folder's index page (a page bundle, config/index.md) belongs with
	// the pages beside its folder: the Rust blog's posts are bundles.
	if base := segs[len(segs)-1]; len(dirs) > 0 && strings.HasPrefix(base, "index.") {
		dirs = dirs[:len(dirs)-1]
	}
	kept := dirs[:0:0]
	for _, seg := range dirs {
		if !dateName(seg) {
			kept = append(kept, seg)
		}
	}
	return strings.Join(kept, "/")
}

// dateName reports a folder name made of digits and hyphens: a year, a
// month, a day or a date.
func dateName(seg string) bool {
	for _, c := range seg {
		if (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return seg != ""
}
