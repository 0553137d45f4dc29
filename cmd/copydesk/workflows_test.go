package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// exe runs the real binary in dir.
func exe(t *testing.T, bin, dir, stdin string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(append(os.Environ(), "NO_COLOR=1"), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}

// Two invented articles that link to each other by title.
const (
	ferryArticle = "Harbor Ferry Adds Evening Sailings\n\nDate: 2025-03-14\n\n" +
		"The harbor ferry will add three evening sailings from next month, the port authority said.\n\n" +
		"[next]:Lighthouse Museum Reopens\n"
	lighthouseArticle = "Lighthouse Museum Reopens\n\nDate: 2025-03-15\n\n" +
		"The lighthouse museum reopened on Saturday after a winter of repairs.\n\n" +
		"[previous]:Harbor Ferry Adds Evening Sailings\n"
)

// writeIn creates a file under dir.
func writeIn(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tempDir is a fresh folder with symbolic links resolved, outside any git
// work tree and any config.
func tempDir(t *testing.T) string {
	t.Helper()
	d := t.TempDir()
	if r, err := filepath.EvalSymlinks(d); err == nil {
		d = r
	}
	return d
}

// A file named alone is checked against the rest of the project: the
// config's folder, else the git work tree, else the current folder.
func TestProjectIsTheCorpus(t *testing.T) {
	bin := binary(t)
	gitEnv := []string{"GIT_CONFIG_GLOBAL=" + os.DevNull, "GIT_CONFIG_NOSYSTEM=1"}

	t.Run("git work tree, no config, from a subfolder", func(t *testing.T) {
		if _, err := exec.LookPath("git"); err != nil {
			t.Skip("git is not installed")
		}
		dir := tempDir(t)
		writeIn(t, dir, "news/a.txt", ferryArticle)
		writeIn(t, dir, "archive/b.txt", lighthouseArticle)
		if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
			t.Fatalf("git init: %v\n%s", err, out)
		}
		r := exe(t, bin, filepath.Join(dir, "news"), "", gitEnv, "lint", "a.txt")
		wantCode(t, r, 0)
		mustNotContain(t, "stdout", r.stdout, "nav-link-broken", "archive")
		mustContain(t, "stdout", r.stdout, "No problems found in 1 file.")

		// The link really is checked: a missing target is still reported.
		writeIn(t, dir, "news/c.txt", strings.Replace(ferryArticle, "Lighthouse Museum Reopens", "Lighthouse Museum Closes", 1))
		r = exe(t, bin, filepath.Join(dir, "news"), "", gitEnv, "lint", "c.txt")
		wantCode(t, r, 1)
		mustContain(t, "stdout", r.stdout, `c.txt:7:8: error [nav-link-broken] next link "Lighthouse Museum Closes" matches no article`)
	})

	t.Run("config found from the file's folder, run from elsewhere", func(t *testing.T) {
		dir := tempDir(t)
		writeIn(t, dir, "site/.copydesk.yaml", "rules:\n  repeated-word: error\n")
		writeIn(t, dir, "site/news/a.txt", ferryArticle)
		writeIn(t, dir, "site/news/2025/b.txt", lighthouseArticle)
		writeIn(t, dir, "site/news/c.txt", "Tide Tables\n\nDate: 2025-03-16\n\nThe tide tables for for April are out.\n")
		elsewhere := tempDir(t)
		r := exe(t, bin, elsewhere, "", nil, "lint", filepath.Join(dir, "site/news/a.txt"), filepath.Join(dir, "site/news/c.txt"))
		wantCode(t, r, 1)
		// error, not the default warning: the site's config was read.
		mustContain(t, "stdout", r.stdout, "c.txt:5:17: error [repeated-word]")
		mustNotContain(t, "stdout", r.stdout, "nav-link-broken")
	})

	t.Run("paths under two configs", func(t *testing.T) {
		dir := tempDir(t)
		writeIn(t, dir, "one/.copydesk.yaml", "rules:\n  repeated-word: error\n")
		writeIn(t, dir, "two/.copydesk.yaml", "rules:\n  repeated-word: info\n")
		slip := strings.Replace(ferryArticle, "three evening", "three three evening", 1)
		writeIn(t, dir, "one/a.txt", slip)
		writeIn(t, dir, "one/b.txt", lighthouseArticle)
		writeIn(t, dir, "two/a.txt", slip)
		writeIn(t, dir, "two/b.txt", lighthouseArticle)
		r := exe(t, bin, dir, "", nil, "lint", "two/a.txt", "one/a.txt")
		wantCode(t, r, 1)
		mustContain(t, "stdout", r.stdout, "one/a.txt:5:27: error [repeated-word]", "two/a.txt:5:27: info [repeated-word]")
		mustNotContain(t, "stdout", r.stdout, "nav-link-broken")
		if strings.Index(r.stdout, "one/a.txt") > strings.Index(r.stdout, "two/a.txt") {
			t.Errorf("files out of order:\n%s", r.stdout)
		}
		// fix groups the paths by config too: each file is fixed as its
		// own config says, against its own project.
		writeIn(t, dir, "two/.copydesk.yaml", "rules:\n  repeated-word: off\n")
		r = exe(t, bin, dir, "", nil, "fix", "two/a.txt", "one/a.txt", "two/b.txt")
		wantCode(t, r, 0)
		mustContain(t, "stdout", r.stdout, "Fixed 1 problem in 1 file; 0 left.")
		mustNotContain(t, "stdout", r.stdout, "nav-link-broken")
		for path, want := range map[string]string{"one/a.txt": ferryArticle, "two/a.txt": slip, "two/b.txt": lighthouseArticle} {
			if got, err := os.ReadFile(filepath.Join(dir, path)); err != nil || string(got) != want {
				t.Errorf("%s after fix: %v\n%s\nwant\n%s", path, err, got, want)
			}
		}
	})

	t.Run("no config and no git: the current folder", func(t *testing.T) {
		dir := tempDir(t)
		writeIn(t, dir, "a.txt", ferryArticle)
		writeIn(t, dir, "old/b.txt", lighthouseArticle)
		r := exe(t, bin, dir, "", nil, "lint", "a.txt")
		wantCode(t, r, 0)
	})

	t.Run("but not a whole home folder", func(t *testing.T) {
		home := tempDir(t)
		writeIn(t, home, "a.txt", ferryArticle)
		writeIn(t, home, "old/b.txt", lighthouseArticle)
		r := exe(t, bin, home, "", []string{"HOME=" + home}, "lint", "--verbose", "a.txt")
		wantCode(t, r, 1)
		mustContain(t, "stdout", r.stdout, "nav-link-broken")
		mustContain(t, "stderr", r.stderr, "not reading the rest of "+home+" for the checks across articles")
	})
}

// Folder walks inside a git work tree leave out what git ignores.
func TestGitIgnoredFilesAreNotRead(t *testing.T) {
	bin := binary(t)
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := tempDir(t)
	global := filepath.Join(tempDir(t), "global-ignore")
	if err := os.WriteFile(global, []byte("*.draft.md\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitconfig := filepath.Join(tempDir(t), "gitconfig")
	if err := os.WriteFile(gitconfig, []byte("[core]\n\texcludesFile = "+global+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{"GIT_CONFIG_GLOBAL=" + gitconfig, "GIT_CONFIG_NOSYSTEM=1"}
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	slip := "# Note\n\nThe ferry ferry leaves at nine.\n"
	writeIn(t, dir, ".gitignore", "public/\n")
	writeIn(t, dir, ".git/info/exclude", "scratch.md\n")
	writeIn(t, dir, "news/kept.md", slip)
	writeIn(t, dir, "public/news/kept.md", slip)
	writeIn(t, dir, "news/scratch.md", slip)
	writeIn(t, dir, "news/idea.draft.md", slip)

	r := exe(t, bin, dir, "", env, "lint", "--verbose", ".")
	wantCode(t, r, 1)
	mustContain(t, "stdout", r.stdout, "news/kept.md:3:5: warning [repeated-word]", "in 1 of 1 file")
	mustNotContain(t, "stdout", r.stdout, "public/", "scratch.md", "idea.draft.md")
	mustContain(t, "stderr", r.stderr, "copydesk: skipped public/news/kept.md: ignored by git", "skipped news/scratch.md: ignored by git", "skipped news/idea.draft.md: ignored by git")

	r = exe(t, bin, dir, "", env, "lint", "--no-ignore", ".")
	wantCode(t, r, 1)
	mustContain(t, "stdout", r.stdout, "public/news/kept.md:3:5:", "news/scratch.md:3:5:", "news/idea.draft.md:3:5:", "in 4 of 4 files")

	// A file named on the command line is read whatever git says.
	r = exe(t, bin, dir, "", env, "lint", "news/scratch.md")
	wantCode(t, r, 1)
}

// Project files that are not articles get no findings, whether named on
// the command line (as pre-commit passes them) or found in a walk.
func TestNonArticlesGetNoFindings(t *testing.T) {
	dir := workdir(t)
	_ = dir
	write(t, ".copydesk.yaml", "version: 1\n") // every rule on: date-missing and title-missing too
	files := map[string]string{
		"requirements.txt": "requests==2.31.0\nurllib3>=2.0,<3\n# via requests\n",
		"LICENSE.txt":      "Permission is hereby granted, free of charge, to any person obtaining a copy of this software.\n",
		"CMakeLists.txt":   "cmake_minimum_required(VERSION 3.20)\nproject(Harbor LANGUAGES CXX)\n",
		"robots.txt":       "User-agent: *\nDisallow: /admin/\n",
		"CHANGELOG.txt":    "Version 1.2\n\n- Fixed the the parser.\n",
		"pins.txt":         "certifi==2024.2.2\nidna==3.6\n", // no well-known name: judged from the text
		"news/a.txt":       ferryArticle,
		"news/b.txt":       lighthouseArticle,
	}
	var names []string
	for n, text := range files {
		write(t, n, text)
		names = append(names, n)
	}
	r := cli(t, "", append([]string{"lint", "--verbose", "--format", "json"}, names...)...)
	wantCode(t, r, 0)
	if ds := decode(t, r).diags(t); len(ds) != 0 {
		t.Errorf("findings: %v", ds)
	}
	mustContain(t, "stderr", r.stderr,
		"skipped requirements.txt: not an article: requirements.txt is a well-known project file",
		"skipped LICENSE.txt:", "skipped CMakeLists.txt:", "skipped robots.txt:", "skipped CHANGELOG.txt:",
		"skipped pins.txt: not an article: no line of prose")

	r = cli(t, "", "lint", ".")
	wantCode(t, r, 0)
	mustContain(t, "stdout", r.stdout, "No problems found in 2 files.")

	// A markup copydesk does not read is not linted as plain text.
	write(t, "docs/intro.rst", "Intro\n=====\n\nThe the tide.\n")
	write(t, "docs/guide.adoc", "= Guide\n\nThe the tide.\n")
	r = cli(t, "", "lint", "docs/intro.rst", "docs/guide.adoc")
	wantCode(t, r, 0)
	mustContain(t, "stderr", r.stderr, "copydesk: skipped docs/intro.rst: reStructuredText is not read", "copydesk: skipped docs/guide.adoc: AsciiDoc is not read")
	mustNotContain(t, "stdout", r.stdout, "repeated-word")
}

func TestMessagesUsersExpect(t *testing.T) {
	t.Run("binary file: one line on stderr, nothing on stdout", func(t *testing.T) {
		workdir(t)
		writeBytes(t, "img.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00"), 0o644)
		r := cli(t, "", "lint", "img.txt")
		wantCode(t, r, 2)
		if r.stdout != "" {
			t.Errorf("stdout = %q, want nothing", r.stdout)
		}
		if r.stderr != "copydesk: img.txt: binary file, not an article\n" {
			t.Errorf("stderr = %q", r.stderr)
		}
		r = cli(t, "", "lint", "missing.txt")
		wantCode(t, r, 2)
		if r.stdout != "" || r.stderr != "copydesk: missing.txt: no such file or folder\n" {
			t.Errorf("a missing file: %s", r)
		}
	})
	t.Run("--version", func(t *testing.T) {
		r := cli(t, "", "--version")
		wantCode(t, r, 0)
		if r.stdout != "copydesk "+version+"\n" {
			t.Errorf("stdout = %q", r.stdout)
		}
	})
	t.Run("--select and --ignore", func(t *testing.T) {
		workdir(t)
		write(t, "a.md", "<!-- copydesk-disable-next-line nbsp -- typeset -->\nThe the ferry\u00a0leaves.  \n")
		rules := func(args ...string) string {
			r := cli(t, "", append([]string{"lint", "--format", "json"}, args...)...)
			return strings.Join(decode(t, r).rulesOf(t), ",")
		}
		if got := rules("a.md"); got != "a.md:2 repeated-word,a.md:2 trailing-whitespace" {
			t.Fatalf("without flags: %s", got)
		}
		if got := rules("--select", "repeated-word", "a.md"); got != "a.md:2 repeated-word" {
			t.Errorf("--select repeated-word: %s", got)
		}
		if got := rules("--select", "typography", "--ignore", "repeated-word", "a.md"); got != "a.md:2 trailing-whitespace" {
			t.Errorf("--select typography --ignore repeated-word: %s", got)
		}
		// A suppression of a rule the command line turned off is not unused.
		if got := rules("--ignore", "nbsp,trailing-whitespace", "a.md"); got != "a.md:2 repeated-word" {
			t.Errorf("--ignore nbsp,trailing-whitespace: %s", got)
		}
		r := cli(t, "", "fix", "--select", "trailing-whitespace", "a.md")
		wantCode(t, r, 0)
		if got := string(mustRead(t, "a.md")); got != "<!-- copydesk-disable-next-line nbsp -- typeset -->\nThe the ferry\u00a0leaves.\n" {
			t.Errorf("fix --select trailing-whitespace wrote %q", got)
		}
	})
	t.Run("--select names", func(t *testing.T) {
		workdir(t)
		write(t, "a.txt", "Harbor City Museum opened a gallery. The the tide.\n")
		r := cli(t, "", "lint", "--format", "json", "--select", "names", "a.txt")
		wantCode(t, r, 0)
	})
	t.Run("lint - reads plain text", func(t *testing.T) {
		workdir(t)
		r := cli(t, "The the tide rose.\n", "lint", "-")
		wantCode(t, r, 1)
		mustContain(t, "stdout", r.stdout, "-:1:1: warning [repeated-word]")
	})
	t.Run("--statistics --format json", func(t *testing.T) {
		workdir(t)
		write(t, "a.txt", "The the tide rose.  \nA a gull.\n")
		r := cli(t, "", "lint", "--statistics", "--format", "json", "a.txt")
		wantCode(t, r, 1)
		var got struct {
			Statistics []struct {
				Rule    string `json:"rule"`
				Count   int    `json:"count"`
				Fixable string `json:"fixable"`
			} `json:"statistics"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatalf("%v\n%s", err, r)
		}
		if len(got.Statistics) != 2 || got.Statistics[0].Rule != "repeated-word" || got.Statistics[0].Count != 2 || got.Statistics[0].Fixable != "safe" {
			t.Errorf("statistics = %+v", got.Statistics)
		}
	})
	t.Run("SARIF capped with a line on stderr", func(t *testing.T) {
		workdir(t)
		write(t, "many.txt", strings.Repeat("The the tide.\n", 25_001))
		r := cli(t, "", "lint", "--format", "sarif", "many.txt")
		wantCode(t, r, 1)
		mustContain(t, "stderr", r.stderr, "copydesk: 25001 findings; the SARIF report lists the 25000 most severe")
		if n := strings.Count(r.stdout, `"ruleId"`); n != 25_000 {
			t.Errorf("%d results, want 25000", n)
		}
	})
}

// --changed-since sees the whole project with no corpus setting, even when
// the folder given holds only some of the articles.
func TestChangedSinceSeesTheProject(t *testing.T) {
	gitRepo(t)
	write(t, "news/a.txt", ferryArticle)
	write(t, "archive/b.txt", lighthouseArticle)
	gitCommit(t, "start")
	write(t, "news/a.txt", strings.Replace(ferryArticle, "three evening", "four evening", 1))
	r := cli(t, "", "lint", "--changed-since", "HEAD", "news")
	wantCode(t, r, 0)
	mustContain(t, "stdout", r.stdout, "No problems found in 1 file.")
}
