// Package pubdate gives the date rules one reading of an article's
// publication date under the configuration: which sources count, how
// ambiguous numeric dates are read, which pages have no date by design.
package pubdate

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/copydesk/copydesk/dates"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// Order returns the configured reading of ambiguous numeric dates.
func Order(cfg *lint.Project) dates.Order {
	if cfg == nil {
		return dates.OrderUnknown
	}
	switch cfg.Dates.Order {
	case "day-first":
		return dates.OrderDayFirst
	case "month-first":
		return dates.OrderMonthFirst
	}
	return dates.OrderUnknown
}

// A Field is a date found in a source the configuration allows, read with
// the configured order.
type Field struct {
	*document.DateField
	Date dates.Date // Parsed, read again with the configured order
}

// Fields returns the dates of the sources the configuration allows, in
// order of preference.
func Fields(sum *document.Summary, cfg *lint.Project) []Field {
	var sources []string
	if cfg != nil {
		sources = cfg.Dates.Sources
	}
	order := Order(cfg)
	var out []Field
	for _, df := range sum.DatesFrom(sources) {
		f := Field{DateField: df, Date: df.Parsed}
		if df.ParseErr == nil && df.Parsed.Ambiguous && order != dates.OrderUnknown {
			if d, err := dates.Parse(df.Raw, order); err == nil {
				f.Date = d
			}
		}
		out = append(out, f)
	}
	return out
}

// Publication returns the preferred date that is a real, unambiguous
// date, and whether there is one.
func Publication(sum *document.Summary, cfg *lint.Project) (Field, bool) {
	for _, f := range Fields(sum, cfg) {
		if f.ParseErr == nil && f.Date.Err == nil && !f.Date.Ambiguous {
			return f, true
		}
	}
	return Field{}, false
}

// NotArticle reports whether a Markdown page is, by its generator's own
// conventions, not an article: a page without front matter (a README; site
// generators publish posts only with front matter), a partial or an include
// (see Partial), a redirect stub (`redirect: /blog/...`), a VitePress home
// page (`layout: home`), or a Hugo or Zola section page (_index.md), which
// lists articles.
func NotArticle(doc *document.Document) bool {
	sum := doc.Summary
	return sum.Format == document.FormatMarkdown && sum.Meta == nil || NotPage(doc) || SectionPage(sum)
}

// SectionPage reports a Hugo or Zola section page (_index.md): it lists
// the articles of its folder. With text of its own it is still a page with a
// title, but not a dated article.
func SectionPage(sum *document.Summary) bool {
	return path.Base(filepath.ToSlash(sum.Path)) == "_index.md"
}

// NotPage reports whether a file is not published as a page of its own: a
// partial or include (Partial), a redirect stub, a VitePress home page, or a
// page whose front matter tells the generator not to render it.
func NotPage(doc *document.Document) bool {
	sum := doc.Summary
	if Partial(sum.Path) {
		return true
	}
	for _, k := range []string{"redirect", "redirect_to", "redirectTo"} {
		if _, ok := sum.Meta[k]; ok {
			return true
		}
	}
	if l, _ := sum.Meta["layout"].(string); l == "home" {
		return true
	}
	// Hugo: headless: true, or build/_build with render: never (false in
	// older versions); Jekyll: published: false.
	if h, _ := sum.Meta["headless"].(bool); h {
		return true
	}
	if p, ok := sum.Meta["published"].(bool); ok && !p {
		return true
	}
	for _, k := range []string{"build", "_build"} {
		if b, ok := sum.Meta[k].(map[string]any); ok {
			switch r := b["render"].(type) {
			case bool:
				return !r
			case string:
				return r == "never" || r == "false"
			}
		}
	}
	// A page with no text of its own that names a template is the
	// template's: its title, if any, is the template's business.
	if sum.Format == document.FormatMarkdown && EmptyBody(doc) {
		for _, k := range []string{"template", "layout"} {
			if v, _ := sum.Meta[k].(string); v != "" {
				return true
			}
		}
	}
	return false
}

// Partial reports a file that site generators include into pages instead of
// publishing: a file whose name starts with an underscore (Docusaurus and
// Astro partials, Jekyll's _config-style files) other than Hugo's and Zola's
// _index.md, and anything under a folder the generators' conventions keep
// for fragments (Jekyll's _includes, _layouts and _data, Hugo's and
// Eleventy's partials and includes, a _common or _snippets folder of shared
// text). Other underscore folders are not assumed to be partials: a site's
// content root (_content) or a Jekyll collection (_posts, _projects) holds
// pages.
func Partial(p string) bool {
	segs := strings.Split(filepath.ToSlash(p), "/")
	for i, seg := range segs {
		if seg == "" || seg == "." || seg == ".." {
			continue
		}
		if i == len(segs)-1 {
			return seg[0] == '_' && !strings.HasPrefix(seg, "_index.")
		}
		switch seg {
		case "partials", "includes", "_includes", "_partials", "_layouts", "_data", "_common", "_shared", "_snippets", "_fragments":
			return true
		}
	}
	return false
}

// EmptyBody reports a page with no text outside its front matter.
func EmptyBody(doc *document.Document) bool {
	for i := range doc.Blocks {
		if b := &doc.Blocks[i]; b.Kind != document.KindFrontMatter && b.Tok1 > b.Tok0 {
			return false
		}
	}
	return true
}

// Where returns the range a finding about the whole article points at: the
// title when there is one, else the opening front matter fence, else the
// first line.
func Where(sum *document.Summary) document.Span {
	if sum.TitleSpan.End > sum.TitleSpan.Start {
		return sum.TitleSpan
	}
	src := sum.Src
	start := sum.BOM()
	end := start
	for end < len(src) && src[end] != '\n' && src[end] != '\r' {
		end++
	}
	if end-start > 3 && sum.Meta != nil {
		end = start + 3
	}
	return document.Span{Start: start, End: end}
}

// Describe names where a date was found, for messages.
func Describe(df *document.DateField) string {
	switch df.Source {
	case document.DateFrontMatter:
		return "front matter " + df.Label
	case document.DateFileName:
		return "file name date"
	case document.DatePath:
		return "path date"
	}
	return "date line"
}

// Snippet reports whether a plain-text file is too short to be an article:
// one block of text, such as a note or a pasted paragraph, has no header to
// hold a title and a date.
func Snippet(doc *document.Document) bool {
	if doc.Format != document.FormatText {
		return false
	}
	n := 0
	for i := range doc.Blocks {
		if doc.Blocks[i].Tok1 > doc.Blocks[i].Tok0 || doc.Blocks[i].Role == document.RoleDate {
			n++
		}
	}
	return n < 2
}
