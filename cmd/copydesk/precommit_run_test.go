package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitRun runs the real pre-commit with this repository's
// .pre-commit-hooks.yaml, as a user's .pre-commit-config.yaml names it (a
// repository and a commit as rev), over a folder of linked articles of
// which one is staged: the links to the articles that are not staged are
// not reported as broken, with the config `copydesk init` writes and
// nothing more. pre-commit builds the hook with `go install`; the module
// cache of this machine is shared so that it needs no download.
func TestPreCommitRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs pre-commit, which builds copydesk; skipped with -short")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		if os.Getenv("COPYDESK_REQUIRE_PRECOMMIT") != "" {
			t.Fatal("pre-commit is not installed, and COPYDESK_REQUIRE_PRECOMMIT is set (.ci/run)")
		}
		t.Skip("pre-commit is not installed (Debian: apt-get install pre-commit); .ci/run installs it")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	bin := binary(t)
	gomodcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	env := append(os.Environ(),
		"GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com",
		"PRE_COMMIT_HOME="+tempDir(t), "GOMODCACHE="+strings.TrimSpace(string(gomodcache)), "NO_COLOR=1")
	run := func(dir string, name string, args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return out.String(), ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%s %v: %v", name, args, err)
		}
		return out.String(), 0
	}
	must := func(dir string, name string, args ...string) string {
		t.Helper()
		out, code := run(dir, name, args...)
		if code != 0 {
			t.Fatalf("%s %v: exit %d\n%s", name, args, code, out)
		}
		return out
	}

	// The hooks repository: this work tree as it is now, committed.
	repoRoot := filepath.Join(pkgDir, "..", "..")
	hooks := tempDir(t)
	list := must(repoRoot, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	for _, name := range strings.Split(list, "\x00") {
		if name == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(repoRoot, name))
		if err != nil {
			continue // deleted in the work tree
		}
		writeIn(t, hooks, name, string(data))
	}
	must(hooks, "git", "init", "-q")
	must(hooks, "git", "add", "-A")
	must(hooks, "git", "commit", "-q", "--no-verify", "-m", "copydesk as it is")
	rev := strings.TrimSpace(must(hooks, "git", "rev-parse", "HEAD"))

	// The articles' repository.
	site := tempDir(t)
	must(site, "git", "init", "-q")
	writeIn(t, site, "news/2025/ferry.txt", ferryArticle)
	writeIn(t, site, "archive/lighthouse.txt", lighthouseArticle)
	writeIn(t, site, "requirements.txt", "mkdocs==1.6.0\n")
	if out, code := run(site, bin, "init"); code != 0 {
		t.Fatalf("copydesk init: exit %d\n%s", code, out)
	}
	writeIn(t, site, ".pre-commit-config.yaml", "repos:\n  - repo: "+hooks+"\n    rev: "+rev+"\n    hooks:\n      - id: copydesk\n      - id: copydesk-fix\n")
	must(site, "git", "add", "-A")
	must(site, "git", "commit", "-q", "--no-verify", "-m", "archive")

	// One article edited and staged, a requirements file too.
	writeIn(t, site, "news/2025/ferry.txt", strings.Replace(ferryArticle, "three evening sailings", "four evening sailings", 1))
	writeIn(t, site, "requirements.txt", "mkdocs==1.6.1\n")
	must(site, "git", "add", "news/2025/ferry.txt", "requirements.txt")
	out, code := run(site, "pre-commit", "run")
	if code != 0 {
		t.Fatalf("pre-commit run: exit %d, want 0 (no false link errors)\n%s", code, out)
	}
	mustContain(t, "pre-commit output", out, "copydesk lint", "copydesk fix", "Passed")
	mustNotContain(t, "pre-commit output", out, "nav-link-broken", "Failed")

	// The hook does check: a link to no article fails the commit.
	writeIn(t, site, "news/2025/pier.txt", strings.Replace(ferryArticle, "Lighthouse Museum Reopens", "Pier Closes for Repairs", 1))
	must(site, "git", "add", "news/2025/pier.txt")
	out, code = run(site, "pre-commit", "run", "copydesk")
	if code != 1 {
		t.Fatalf("pre-commit run copydesk: exit %d, want 1\n%s", code, out)
	}
	mustContain(t, "pre-commit output", out, `news/2025/pier.txt:7:8: error [nav-link-broken] next link "Pier Closes for Repairs" matches no article`)
	mustNotContain(t, "pre-commit output", out, "ferry.txt:")
}
