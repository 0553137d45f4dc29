package dateformat_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/dateformat"
	"github.com/copydesk/copydesk/rules/datefuture"
	"github.com/copydesk/copydesk/rules/dateinvalid"
	"github.com/copydesk/copydesk/rules/datemissing"
	"github.com/copydesk/copydesk/rules/dateorder"
	"github.com/copydesk/copydesk/rules/titlemissing"
)

// TestRealArchives lints the Go and Rust blogs with the six metadata rules,
// as archives: the Go blog's one unpadded date gets a safe fix, its four RFC
// 3339 dates an unsafe one (a time would be lost); the Rust blog, whose dates
// live only in `path`, is not flooded with missing dates.
func TestRealArchives(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 11 MB of blog posts")
	}
	reg, err := lint.NewRegistry(append(lint.Builtin(), datemissing.Rule, dateinvalid.Rule, dateformat.Rule, datefuture.Rule, dateorder.Rule, titlemissing.Rule)...)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		dir  string
		want map[string]int // findings per rule; others must be 0
	}{
		// index.md, all.md and README.md have no date; README.md has no title.
		// README.md has no front matter: a page, not a post.
		{"golang-website", map[string]int{"date-format": 5, "date-missing": 2}},
		// releases/latest.md has neither, but it is a template's page with
		// no text of its own: not a page to date or title.
		{"blog.rust-lang.org", map[string]int{}},
	} {
		dir := linttest.SharedCorpus(t, c.dir)
		var inputs []engine.Input
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && document.IsArticle(p) {
				inputs = append(inputs, engine.Input{Path: p})
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		eng := &engine.Engine{Registry: reg, Config: config.Default(dir), Today: time.Date(2026, 8, 23, 0, 0, 0, 0, time.UTC)}
		got := map[string]int{}
		safe := 0
		for _, f := range eng.Lint(inputs).Files {
			if f.Err != nil {
				t.Errorf("%s: %v", f.Path, f.Err)
			}
			for _, d := range f.Diagnostics {
				got[d.Rule]++
				if d.Fix != nil && d.Fix.Applicability == lint.Safe {
					safe++
					if filepath.Base(f.Path) != "survey2024-h1-results.md" || d.Fix.Edits[0].NewText != "2024-04-09" {
						t.Errorf("%s: unexpected safe fix %+v", f.Path, d.Fix)
					}
				}
			}
		}
		for _, id := range []string{"date-missing", "date-invalid", "date-format", "date-future", "date-order", "title-missing"} {
			if got[id] != c.want[id] {
				t.Errorf("%s: %d %s findings, want %d", c.dir, got[id], id, c.want[id])
			}
		}
		if c.dir == "golang-website" && safe != 1 {
			t.Errorf("golang-website: %d safe fixes, want 1", safe)
		}
	}
}
