package gitchanges

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// repo makes a fresh git repository the current folder, isolated from the
// user's git configuration.
func repo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		dir = r
	}
	t.Chdir(dir)
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_AUTHOR_NAME", "Test")
	t.Setenv("GIT_AUTHOR_EMAIL", "test@example.com")
	t.Setenv("GIT_COMMITTER_NAME", "Test")
	t.Setenv("GIT_COMMITTER_EMAIL", "test@example.com")
	run(t, "init", "-q", "-b", "main")
	return dir
}

func run(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func commit(t *testing.T, msg string) {
	t.Helper()
	run(t, "add", "-A")
	run(t, "commit", "-q", "-m", msg)
}

func TestSince(t *testing.T) {
	dir := repo(t)
	write(t, ".gitignore", "drafts/\n")
	write(t, "news/old.md", "old\n")
	write(t, "news/edited.md", "one\n")
	write(t, "news/staged.md", "one\n")
	write(t, "news/deleted.md", "one\n")
	write(t, "news/renamed.md", "a long enough text for rename detection to see the same file\n")
	write(t, "archive/a.txt", "one\n")
	commit(t, "start")
	run(t, "tag", "v1")

	write(t, "news/committed.md", "new\n")
	write(t, "archive/a.txt", "two\n")
	commit(t, "second")
	write(t, "news/edited.md", "two\n")                   // unstaged
	write(t, "news/staged.md", "two\n")                   // staged
	run(t, "add", "news/staged.md")                       //
	write(t, "news/untracked.txt", "new\n")               // untracked
	write(t, "drafts/ignored.md", "ignored\n")            // ignored
	write(t, "news/name with space.md", "new\n")          // quoted by git without -z
	run(t, "rm", "-q", "news/deleted.md")                 // deleted: left out
	run(t, "mv", "news/renamed.md", "news/moved-here.md") // renamed: the new name

	want := []string{
		"archive/a.txt", "news/committed.md", "news/edited.md", "news/moved-here.md",
		"news/name with space.md", "news/staged.md", "news/untracked.txt",
	}
	got, err := Since(".", "v1")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, fromSlash(want)) {
		t.Errorf("Since(v1) = %q\nwant %q", got, want)
	}

	// From a subfolder, paths are relative to it, outside ones with "..".
	t.Chdir(filepath.Join(dir, "news"))
	got, err = Since(".", "v1")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(got, "committed.md") || !slices.Contains(got, filepath.FromSlash("../archive/a.txt")) {
		t.Errorf("from news/: %q", got)
	}
	set := NewSet(got)
	if !set.Has("./committed.md") || !set.Has(filepath.Join(dir, "news", "edited.md")) || set.Has("old.md") {
		t.Errorf("set lookups wrong: %v", set)
	}

	// HEAD: only what is not committed yet.
	t.Chdir(dir)
	got, err = Since(".", "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(got, "news/committed.md") || !slices.Contains(got, fromSlash([]string{"news/edited.md"})[0]) {
		t.Errorf("Since(HEAD) = %q", got)
	}
}

func fromSlash(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = filepath.FromSlash(p)
	}
	return out
}

// On a branch, changes made on main after the branch point are not the
// branch's changes.
func TestSinceMergeBase(t *testing.T) {
	repo(t)
	write(t, "a.md", "a\n")
	commit(t, "start")
	run(t, "checkout", "-q", "-b", "topic")
	write(t, "mine.md", "mine\n")
	commit(t, "mine")
	run(t, "checkout", "-q", "main")
	write(t, "theirs.md", "theirs\n")
	commit(t, "theirs")
	run(t, "checkout", "-q", "topic")
	got, err := Since(".", "main")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"mine.md"}) {
		t.Errorf("Since(main) on topic = %q, want [mine.md]", got)
	}
}

func TestSinceErrors(t *testing.T) {
	repo(t)
	write(t, "a.md", "a\n")
	commit(t, "start")
	for _, rev := range []string{"no-such-branch", "", "--output=x"} {
		_, err := Since(".", rev)
		if !errors.Is(err, ErrUnknownRevision) || !strings.Contains(err.Error(), "unknown revision") {
			t.Errorf("Since(%q) = %v, want an unknown revision error", rev, err)
		}
	}
	if _, err := os.Stat("x"); err == nil {
		t.Error("a revision starting with - was passed to git as an option")
	}

	outside := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))
	_, err := Since(outside, "HEAD")
	if !errors.Is(err, ErrNotRepository) || !strings.Contains(err.Error(), "not inside a git repository") {
		t.Errorf("outside a repository: %v", err)
	}

	t.Setenv("PATH", t.TempDir())
	if _, err := Since(".", "HEAD"); !errors.Is(err, ErrNoGit) {
		t.Errorf("without git: %v", err)
	}
}

func TestNotIgnoredAndWorkTree(t *testing.T) {
	dir := repo(t)
	files := map[string]string{
		".gitignore":        "build/\n*.tmp\n!keep.tmp\n",
		".git/info/exclude": "scratch.md\n",
		"news/a.md":         "a",
		"news/scratch.md":   "s",
		"news/x.tmp":        "x",
		"news/keep.tmp":     "k",
		"build/out.md":      "o",
		"news/tracked.tmp":  "t",
	}
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run(t, "add", "-f", "news/tracked.tmp") // tracked: git does not ignore it
	got, err := NotIgnored("news")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	if want := []string{"a.md", "keep.tmp", "tracked.tmp"}; !slices.Equal(got, want) {
		t.Errorf("NotIgnored(news) = %v, want %v", got, want)
	}
	if top := WorkTree("news"); top != dir {
		t.Errorf("WorkTree(news) = %q, want %q", top, dir)
	}
	if top := WorkTree(t.TempDir()); top != "" {
		t.Errorf("WorkTree outside any repository = %q", top)
	}
}
