package pubdate_test

import (
	"fmt"
	"testing"

	"github.com/copydesk/copydesk/parse"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"

	"github.com/copydesk/copydesk/dates"
	"github.com/copydesk/copydesk/rules/internal/pubdate"
)

func mustParse(t *testing.T, name, text string) *document.Document {
	t.Helper()
	doc, err := parse.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func project(order string, sources ...string) *lint.Project {
	return &lint.Project{Dates: lint.DatesConfig{Order: order, Sources: sources}}
}

func ymd(d dates.Date) string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

func TestOrder(t *testing.T) {
	tests := []struct {
		cfg  *lint.Project
		want dates.Order
	}{
		{nil, dates.OrderUnknown},
		{project(""), dates.OrderUnknown},
		{project("day-first"), dates.OrderDayFirst},
		{project("month-first"), dates.OrderMonthFirst},
		{project("Day-First"), dates.OrderUnknown}, // validated elsewhere; read exactly
	}
	for _, tt := range tests {
		if got := pubdate.Order(tt.cfg); got != tt.want {
			t.Errorf("Order(%+v) = %v, want %v", tt.cfg, got, tt.want)
		}
	}
}

func TestFieldsAndPublication(t *testing.T) {
	// A plain-text article with a date line, under a file name with a date.
	article := func(date string) string {
		return "The harbour ferry returns\n\nDate: " + date + "\n\nThe ferry runs again from Monday, the council said.\n"
	}
	tests := []struct {
		name, file, text string
		cfg              *lint.Project
		fields           []string // source: date, in order of preference
		pub              string   // "" for none
	}{
		{"one unambiguous line", "news.txt", article("2025-03-14"), nil,
			[]string{"date line: 2025-03-14"}, "2025-03-14"},
		{"line before file name", "2024-01-02-news.txt", article("2025-03-14"), project(""),
			[]string{"date line: 2025-03-14", "file name date: 2024-01-02"}, "2025-03-14"},
		{"sources leave the line out", "2024-01-02-news.txt", article("2025-03-14"), project("", "file-name"),
			[]string{"file name date: 2024-01-02"}, "2024-01-02"},
		{"ambiguous, no order: falls back", "2024-01-02-news.txt", article("03/04/2025"), project(""),
			[]string{"date line: 2025-03-04", "file name date: 2024-01-02"}, "2024-01-02"},
		{"ambiguous, day first", "2024-01-02-news.txt", article("03/04/2025"), project("day-first"),
			[]string{"date line: 2025-04-03", "file name date: 2024-01-02"}, "2025-04-03"},
		{"ambiguous, month first", "news.txt", article("03/04/2025"), project("month-first"),
			[]string{"date line: 2025-03-04"}, "2025-03-04"},
		{"impossible date", "news.txt", article("2025-02-30"), nil,
			[]string{"date line: 2025-02-30"}, ""},
		{"CJK date line", "news.txt", "港口渡轮恢复运行\n\n发布时间：2025年3月14日\n\n渡轮从周一起恢复运行。\n", nil,
			[]string{"date line: 2025-03-14"}, "2025-03-14"},
		{"front matter", "post.md", "---\ntitle: Ferry\ndate: 2025-03-14\n---\n\nThe ferry runs again. 😀\n", nil,
			[]string{"front matter date: 2025-03-14"}, "2025-03-14"},
		{"no date", "news.txt", "The harbour ferry returns\n\nThe ferry runs again from Monday.\n", nil, nil, ""},
	}
	for _, tt := range tests {
		doc := mustParse(t, tt.file, tt.text)
		var got []string
		for _, f := range pubdate.Fields(doc.Summary, tt.cfg) {
			got = append(got, pubdate.Describe(f.DateField)+": "+ymd(f.Date))
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.fields) {
			t.Errorf("%s: Fields = %q, want %q", tt.name, got, tt.fields)
		}
		f, ok := pubdate.Publication(doc.Summary, tt.cfg)
		switch {
		case ok != (tt.pub != ""):
			t.Errorf("%s: Publication found=%v, want %q", tt.name, ok, tt.pub)
		case ok && ymd(f.Date) != tt.pub:
			t.Errorf("%s: Publication = %s, want %s", tt.name, ymd(f.Date), tt.pub)
		}
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		df   document.DateField
		want string
	}{
		{document.DateField{Source: document.DateLine, Label: "Date:"}, "date line"},
		{document.DateField{Source: document.DateFrontMatter, Label: "pubDate"}, "front matter pubDate"},
		{document.DateField{Source: document.DateFileName}, "file name date"},
		{document.DateField{Source: document.DatePath}, "path date"},
	}
	for _, tt := range tests {
		if got := pubdate.Describe(&tt.df); got != tt.want {
			t.Errorf("Describe(%+v) = %q, want %q", tt.df, got, tt.want)
		}
	}
}

func TestPartial(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"", false},
		{"post.md", false},
		{"_note.md", true},
		{"_index.md", false},
		{"content/blog/_index.md", false},
		{"docs/_shared/intro.md", true},
		{"layouts/partials/footer.md", true},
		{"src/includes/x.mdx", true},
		{"_posts/2025-03-14-ferry.md", false}, // a Jekyll collection holds pages
		{"_content/ferry.md", false},
		{"./docs/../_snippets/a.md", true},
		{"docs/新闻/_草稿.md", true},
	}
	for _, tt := range tests {
		if got := pubdate.Partial(tt.path); got != tt.want {
			t.Errorf("Partial(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestPageKinds(t *testing.T) {
	const body = "\nThe ferry runs again from Monday.\n"
	tests := []struct {
		name, file, text                             string
		notArticle, notPage, section, empty, snippet bool
	}{
		{"article", "ferry.md", "---\ntitle: Ferry\n---\n" + body, false, false, false, false, false},
		{"README without front matter", "README.md", "# Project\n" + body, true, false, false, false, false},
		{"section page", "blog/_index.md", "---\ntitle: Blog\n---\n" + body, true, false, true, false, false},
		{"partial", "docs/_intro.md", "---\ntitle: Intro\n---\n" + body, true, true, false, false, false},
		{"redirect stub", "old.md", "---\nredirect_to: /new/\n---\n", true, true, false, true, false},
		{"VitePress home", "index.md", "---\nlayout: home\n---\n" + body, true, true, false, false, false},
		{"Hugo headless", "x.md", "---\nheadless: true\n---\n" + body, true, true, false, false, false},
		{"Jekyll unpublished", "x.md", "---\npublished: false\n---\n" + body, true, true, false, false, false},
		{"Jekyll published", "x.md", "---\npublished: true\n---\n" + body, false, false, false, false, false},
		{"Hugo render never", "x.md", "---\nbuild:\n  render: never\n---\n" + body, true, true, false, false, false},
		{"Hugo render false", "x.md", "---\n_build:\n  render: false\n---\n" + body, true, true, false, false, false},
		{"Hugo render as a string", "x.md", "---\nbuild:\n  render: \"false\"\n---\n" + body, true, true, false, false, false},
		{"Hugo render always", "x.md", "---\nbuild:\n  render: always\n---\n" + body, false, false, false, false, false},
		{"template page without text", "x.md", "---\nlayout: tags\n---\n", true, true, false, true, false},
		{"template page with text", "x.md", "---\ntitle: Tags\nlayout: tags\n---\n" + body, false, false, false, false, false},
		{"plain-text article", "a.txt", "Ferry returns\n" + body, false, false, false, false, false},
		{"plain-text note", "a.txt", "The ferry runs again from Monday.\n", false, false, false, false, true},
		{"empty text file", "a.txt", "", false, false, false, true, true},
		{"CRLF note", "a.txt", "渡轮恢复运行。\r\n", false, false, false, false, true},
	}
	for _, tt := range tests {
		doc := mustParse(t, tt.file, tt.text)
		check := func(what string, got, want bool) {
			if got != want {
				t.Errorf("%s: %s = %v, want %v", tt.name, what, got, want)
			}
		}
		check("NotArticle", pubdate.NotArticle(doc), tt.notArticle)
		check("NotPage", pubdate.NotPage(doc), tt.notPage)
		check("SectionPage", pubdate.SectionPage(doc.Summary), tt.section)
		check("EmptyBody", pubdate.EmptyBody(doc), tt.empty)
		check("Snippet", pubdate.Snippet(doc), tt.snippet)
	}
}

func TestWhere(t *testing.T) {
	tests := []struct {
		file, text, want string
	}{
		{"a.txt", "Ferry returns\n\nDate: 2025-03-14\n\nThe ferry runs again.\n", "Ferry returns"},
		{"a.md", "---\ntitle: Ferry returns\n---\n\nText.\n", "Ferry returns"},
		{"a.md", "---\ndate: 2025-03-14\n---\n\nThe ferry runs again.\n", "---"},
		{"a.md", "+++\ndate = 2025-03-14\n+++\n\nThe ferry runs again.\n", "+++"},
		{"a.txt", "\ufeffthe ferry runs again from Monday, said the council\r\n", "the ferry runs again from Monday, said the council"},
		{"a.txt", "", ""},
	}
	for _, tt := range tests {
		doc := mustParse(t, tt.file, tt.text)
		sp := pubdate.Where(doc.Summary)
		if got := string(doc.Src[sp.Start:sp.End]); got != tt.want {
			t.Errorf("Where(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
