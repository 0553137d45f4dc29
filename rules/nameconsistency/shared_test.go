package nameconsistency_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/nameconsistency"
)

// lintDir lints every article under dir as one corpus with the rule alone.
func lintDir(t *testing.T, dir string) (*engine.Result, int) {
	t.Helper()
	reg, err := lint.NewRegistry(append(lint.Builtin(), nameconsistency.Rule)...)
	if err != nil {
		t.Fatal(err)
	}
	var in []engine.Input
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && document.IsArticle(p) {
			in = append(in, engine.Input{Path: p})
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	eng := &engine.Engine{Registry: reg, Config: config.Default(dir)}
	return eng.Lint(in), len(in)
}

// The Rust blog writes its compiler team "the compiler team" in most posts'
// front matter and "The Compiler Team" in others: capitals and an article
// are the house's style, not two names (the names issue counts "Infra team"
// beside "Infra Team" among the false alarms), and are not reported.
func TestRustBlogTeams(t *testing.T) {
	dir := linttest.SharedCorpus(t, "blog.rust-lang.org")
	res, _ := lintDir(t, dir)
	for _, f := range res.Files {
		for _, d := range f.Diagnostics {
			if d.Rule == nameconsistency.Rule.ID && strings.HasPrefix(d.Message, `"The Compiler Team" is written`) {
				t.Errorf("%s: %s", f.Path, d.Message)
			}
		}
	}
}

// On proofread books the rule stays below half a finding per 10,000 words.
func TestProofreadBooks(t *testing.T) {
	dir := linttest.SharedCorpus(t, "prose")
	res, _ := lintDir(t, dir)
	_, words := linttest.FalseAlarms(t, nameconsistency.Rule, dir) // document rules only: counts the words
	n := 0
	for _, f := range res.Files {
		for _, d := range f.Diagnostics {
			if d.Rule == nameconsistency.Rule.ID {
				n++
				if testing.Verbose() {
					line, _ := f.Summary.Position(d.Start)
					t.Logf("%s:%d: %s", f.Path, line, d.Message)
				}
			}
		}
	}
	rate := float64(n) / float64(words) * 10000
	t.Logf("%d findings in %d words: %.2f per 10,000 words", n, words, rate)
	if rate > 0.5 {
		t.Errorf("%.2f findings per 10,000 words of proofread books, want at most 0.5", rate)
	}
}
