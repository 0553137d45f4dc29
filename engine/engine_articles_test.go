package engine

import (
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/lint"
)

func TestEngineSkipsNonArticles(t *testing.T) {
	reg, err := lint.NewRegistry(append(lint.Builtin(), linkRule)...)
	if err != nil {
		t.Fatal(err)
	}
	inputs := []Input{
		{Path: "requirements.txt", Src: []byte("requests==2.31.0\n")},
		{Path: "pins.txt", Src: []byte("requests==2.31.0\nidna==3.6\n")},
		{Path: "a.txt", Src: []byte("Alpha\n\nThe body of the article.\n\n[next]:Nowhere\n")},
	}
	res := (&Engine{Registry: reg, Config: config.Default("."), SkipNonArticles: true}).Lint(inputs)
	if len(res.Files) != 1 || res.Files[0].Path != "a.txt" {
		t.Fatalf("files = %v, want only a.txt", res.Files)
	}
	if len(res.Skipped) != 2 || res.Skipped[0].Path != "pins.txt" || res.Skipped[1].Path != "requirements.txt" {
		t.Fatalf("skipped = %v, want pins.txt and requirements.txt", res.Skipped)
	}
	for _, f := range res.Skipped {
		if f.Skipped == "" || len(f.Diagnostics) > 0 {
			t.Errorf("%s: reason %q, diagnostics %v", f.Path, f.Skipped, f.Diagnostics)
		}
	}
}

// A change log in Markdown with front matter is a page of the site that
// publishes it; without front matter, or in plain text, it is the
// repository's file.
func TestEngineChangelogPage(t *testing.T) {
	reg, err := lint.NewRegistry(lint.Builtin()...)
	if err != nil {
		t.Fatal(err)
	}
	page := "---\ntitle: Changelog\n---\n\nThe ferry timetable changed changed in May.\n"
	inputs := []Input{
		{Path: "site/about/changelog.md", Src: []byte(page)},
		{Path: "CHANGELOG.md", Src: []byte("# Changelog\n\n## 1.2.0\n\n- The parser parser is faster.\n")},
		{Path: "CHANGELOG.txt", Src: []byte(page)},
	}
	res := (&Engine{Registry: reg, Config: config.Default("."), SkipNonArticles: true}).Lint(inputs)
	if len(res.Files) != 1 || res.Files[0].Path != "site/about/changelog.md" {
		t.Fatalf("files = %v, want only site/about/changelog.md", res.Files)
	}
	if len(res.Skipped) != 2 {
		t.Fatalf("skipped = %v, want CHANGELOG.md and CHANGELOG.txt", res.Skipped)
	}
}
