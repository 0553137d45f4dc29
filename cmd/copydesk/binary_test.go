package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// TestBinary builds the real binary and runs it as a user would.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "copydesk")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = pkgDir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	runIn := func(t *testing.T, dir, stdin string, args ...string) result {
		t.Helper()
		return exe(t, bin, dir, stdin, nil, args...)
	}

	t.Run("testdata articles", func(t *testing.T) {
		r := runIn(t, pkgDir, "", "lint", "../../testdata/articles")
		wantCode(t, r, 1)
		loc := regexp.MustCompile(`(?m)^\.\./\.\./testdata/articles/[^:\s]+\.(txt|md):\d+:\d+: (error|warning|info) \[[a-z-]+\] .+$`)
		if n := len(loc.FindAllString(r.stdout, -1)); n < 3 {
			t.Errorf("want several diagnostics, found %d:\n%s", n, r.stdout)
		}
		mustContain(t, "stdout", r.stdout, "[repeated-word]", "\nFound ", "fixable with `copydesk fix`")
		mustNotContain(t, "stdout", r.stdout, "\x1b[")

		// JSON from the binary decodes and agrees with the text count.
		j := runIn(t, pkgDir, "", "lint", "--format", "json", "../../testdata/articles")
		wantCode(t, j, 1)
		m := decode(t, j)
		checkContract(t, m)
		if len(m.diags(t)) != len(loc.FindAllString(r.stdout, -1)) {
			t.Errorf("json has %d diagnostics, text %d", len(m.diags(t)), len(loc.FindAllString(r.stdout, -1)))
		}
	})

	t.Run("clean file", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "clean.md"), []byte("# Tide tables\n\nThe harbor office published the tide tables.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		r := runIn(t, dir, "", "lint", "clean.md")
		wantCode(t, r, 0)
		if r.stdout != "No problems found in 1 file.\n" {
			t.Errorf("stdout %q", r.stdout)
		}
	})

	t.Run("stdin fix", func(t *testing.T) {
		r := runIn(t, t.TempDir(), "Sails sails up.\n", "fix", "--stdin-filename", "s.md", "-")
		wantCode(t, r, 0)
		if r.stdout != "Sails up.\n" {
			t.Errorf("stdout %q", r.stdout)
		}
	})

	t.Run("usage error", func(t *testing.T) {
		r := runIn(t, t.TempDir(), "", "lint", "--no-such-flag")
		wantCode(t, r, 2)
		mustContain(t, "stderr", r.stderr, "unknown flag")
	})

	t.Run("version", func(t *testing.T) {
		r := runIn(t, t.TempDir(), "", "version")
		wantCode(t, r, 0)
		if r.stdout != "copydesk "+version+"\n" {
			t.Errorf("stdout %q", r.stdout)
		}
	})
}
