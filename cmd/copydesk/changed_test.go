package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules"
)

// archiveRepo: an archive committed with defects, then a branch's work:
// a committed change, a staged one, an unstaged one and a new file.
func archiveRepo(t *testing.T) string {
	t.Helper()
	dir := gitRepo(t)
	write(t, "news/old.md", "# Old\n\nThe the old slip.\n")
	write(t, "news/edited.md", "# Edited\n\nClean text.\n")
	write(t, "news/staged.txt", "Staged\n\nClean text.\n")
	write(t, "news/committed.md", "# Committed\n\nClean text.\n")
	write(t, "archive/2019/ferry.txt", "Ferry\n\nThe ferry to to the island.\n")
	write(t, "README.rst", "not an article\n")
	gitCommit(t, "archive")
	git(t, "tag", "base")
	write(t, "news/committed.md", "# Committed\n\nA a committed slip.\n")
	gitCommit(t, "work")
	write(t, "news/staged.txt", "Staged\n\nA staged staged slip.\n")
	git(t, "add", "news/staged.txt")
	write(t, "news/edited.md", "# Edited\n\nAn unstaged unstaged slip.\n")
	write(t, "news/new.md", "# New\n\nA new new file.\n")
	write(t, "news/clean.md", "# Clean\n\nNothing wrong here.\n")
	return dir
}

func TestChangedSinceLint(t *testing.T) {
	dir := archiveRepo(t)
	r := cli(t, "", "lint", "--format", "json", "--changed-since", "base")
	wantCode(t, r, 1)
	m := decode(t, r)
	want := []string{"news/committed.md:3 repeated-word", "news/edited.md:3 repeated-word", "news/new.md:3 repeated-word", "news/staged.txt:3 repeated-word"}
	if got := m.rulesOf(t); !slices.Equal(got, want) {
		t.Errorf("diagnostics = %v, want %v", got, want)
	}
	if got := intOf(t, m["files"]); got != 5 { // news/clean.md too
		t.Errorf("files = %d, want 5", got)
	}

	// From a subfolder: paths are relative to it, and a folder argument
	// narrows the selection.
	chdir(t, filepath.Join(dir, "news"))
	r = cli(t, "", "lint", "--format", "json", "--changed-since", "HEAD", ".")
	wantCode(t, r, 1)
	want = []string{"edited.md:3 repeated-word", "new.md:3 repeated-word", "staged.txt:3 repeated-word"}
	if got := decode(t, r).rulesOf(t); !slices.Equal(got, want) {
		t.Errorf("from news/, since HEAD: %v, want %v", got, want)
	}
	chdir(t, dir)
	r = cli(t, "", "lint", "--format", "json", "--changed-since", "base", "archive")
	wantCode(t, r, 0)
	if got := intOf(t, decode(t, r)["files"]); got != 0 {
		t.Errorf("unchanged folder: files = %d, want 0", got)
	}

	// Nothing changed: nothing linted, exit 0.
	git(t, "add", "-A")
	git(t, "commit", "-q", "-m", "all")
	r = cli(t, "", "lint", "--changed-since", "HEAD")
	wantCode(t, r, 0)
	mustContain(t, "stdout", r.stdout, "No problems found in 0 files.")
}

func TestChangedSinceFix(t *testing.T) {
	archiveRepo(t)
	r := cli(t, "", "fix", "--changed-since", "base")
	wantCode(t, r, 0)
	mustContain(t, "stdout", r.stdout, "Fixed 4 problems in 4 files; 0 left.")
	if got := string(mustRead(t, "news/new.md")); got != "# New\n\nA new file.\n" {
		t.Errorf("news/new.md = %q", got)
	}
	// Unchanged files are left alone.
	if got := string(mustRead(t, "news/old.md")); got != "# Old\n\nThe the old slip.\n" {
		t.Errorf("news/old.md was changed: %q", got)
	}
	if got := string(mustRead(t, "archive/2019/ferry.txt")); got != "Ferry\n\nThe ferry to to the island.\n" {
		t.Errorf("archive file was changed: %q", got)
	}
}

func TestChangedSinceErrors(t *testing.T) {
	archiveRepo(t)
	r := cli(t, "", "lint", "--changed-since", "no-such-branch")
	wantCode(t, r, 2)
	mustContain(t, "stderr", r.stderr, `--changed-since: unknown revision "no-such-branch"`)
	r = cli(t, "", "fix", "--changed-since", "origin/main")
	wantCode(t, r, 2)
	mustContain(t, "stderr", r.stderr, `unknown revision "origin/main"`, "fetch")
	r = cli(t, "x", "lint", "--changed-since", "HEAD", "--stdin-filename", "a.md", "-")
	wantCode(t, r, 2)
	mustContain(t, "stderr", r.stderr, "cannot be used with standard input")

	workdir(t) // a temporary folder outside any repository
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(mustGetwd(t)))
	write(t, "a.md", "The the slip.\n")
	r = cli(t, "", "lint", "--changed-since", "HEAD")
	wantCode(t, r, 2)
	mustContain(t, "stderr", r.stderr, "--changed-since: not inside a git repository")
	if r.stdout != "" {
		t.Errorf("stdout %q", r.stdout)
	}
}

// toyLinks is a corpus rule: a [next] line must name another article's
// title. It shows that unchanged articles still count as link targets.
var toyLinks = &lint.Rule{
	ID: "toy-links", Category: lint.CategoryLinks, Severity: lint.SeverityWarning,
	Doc: lint.Doc{Title: "t", Why: "w", Wrong: "x"},
	Corpus: lint.Corpus(func(p *lint.CorpusPass) {
		titles := map[string]bool{}
		for _, s := range p.Summaries {
			titles[s.Title] = true
		}
		for _, s := range p.Summaries {
			for _, l := range s.Nav {
				if !titles[l.Target] {
					p.Report(s.Path, lint.Diagnostic{Start: l.Span.Start, End: l.Span.End, Message: fmt.Sprintf("no article titled %q", l.Target)})
				}
			}
		}
	}),
}

func TestChangedSinceCorpus(t *testing.T) {
	archiveRepo(t)
	write(t, "news/links.txt", "Links\n\nBody text.\n\n[next]:Old\n[previous]:Missing article\n")
	reg, err := lint.NewRegistry(append(rules.All(), toyLinks)...)
	if err != nil {
		t.Fatal(err)
	}
	eng := &engine.Engine{Registry: reg, Config: config.Default(".")}
	f := &commonFlags{changedSince: "HEAD"}
	inputs, problems, err := f.inputs(&env{}, eng, nil)
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	var checked, corpus []string
	for _, in := range inputs {
		if in.CorpusOnly {
			corpus = append(corpus, filepath.ToSlash(in.Path))
		} else {
			checked = append(checked, filepath.ToSlash(in.Path))
		}
	}
	if want := []string{"news/clean.md", "news/edited.md", "news/links.txt", "news/new.md", "news/staged.txt"}; !slices.Equal(checked, want) {
		t.Errorf("checked %v, want %v", checked, want)
	}
	if want := []string{"archive/2019/ferry.txt", "news/committed.md", "news/old.md"}; !slices.Equal(corpus, want) {
		t.Errorf("corpus only %v, want %v", corpus, want)
	}
	var links []string
	for _, d := range eng.Lint(inputs).Diagnostics() {
		if d.Rule == "toy-links" {
			links = append(links, d.Path+": "+d.Message)
		}
	}
	// "Old" is unchanged, yet found; only the missing article is reported.
	if want := []string{`news/links.txt: no article titled "Missing article"`}; !slices.Equal(links, want) {
		t.Errorf("link findings %v, want %v", links, want)
	}

	// Without a corpus rule, unchanged files are not read at all.
	var docRules []*lint.Rule
	for _, r := range rules.All() {
		if r.Corpus == nil {
			docRules = append(docRules, r)
		}
	}
	docOnly, err := lint.NewRegistry(docRules...)
	if err != nil {
		t.Fatal(err)
	}
	eng = &engine.Engine{Registry: docOnly, Config: config.Default(".")}
	inputs, _, err = f.inputs(&env{}, eng, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		if in.CorpusOnly {
			t.Errorf("%s read as corpus without corpus rules", in.Path)
		}
	}
}
