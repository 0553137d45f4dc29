package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// fake stands for copydesk and for Vale: it answers version, exits 1
// ("problems found") from lint, and writes a file from a real fix, so that
// a fix that ran in the cached corpus rather than a throwaway copy breaks
// the next run's manifest check.
const fake = `#!/bin/sh
case "$1" in
version|--version) echo "fake 1.0" ;;
lint) echo '{"diagnostics": []}'; exit 1 ;;
fix) if [ "$2" = --diff ]; then echo '--- a'; else echo fixed > written-by-fix.txt; fi ;;
*) echo 'a.txt:1:1:Mechanics.RepeatedWord:x' ;;
esac
`

func writeScript(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRun(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake binaries are shell scripts")
	}
	bin := writeScript(t, "copydesk", fake)
	cache := t.TempDir()
	args := []string{"-bin", bin + "," + bin, "-n", "2", "-sizes", "64KB,128KB", "-cache", cache, "-vale", bin}

	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"  A  " + bin + "  (fake 1.0, sha256 ",
		"  B  " + bin + "  (fake 1.0, sha256 ",
		"  A    lint        64KB     1",
		"  B    lint        128KB    2",
		"  A    fix --diff  64KB     2",
		"  V    vale        64KB     1",
		"lint --format json, medians of 2 runs",
		"added peak RSS / added byte, 64KB -> 128KB",
		"fix CPU / lint CPU, 64KB",
		"fix CPU / lint CPU, paired by round",
		"Vale CPU / copydesk lint CPU, 64KB",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	runLine := regexp.MustCompile(`(?m)^  [ABV]    (lint|fix --diff|fix|vale) +\d+KB +\d `)
	got := map[string]int{}
	for _, m := range runLine.FindAllStringSubmatch(out, -1) {
		got[m[1]]++
	}
	// lint: two rounds of each binary on each corpus, and one paired with
	// each round of fix
	if want := map[string]int{"lint": 12, "fix --diff": 4, "fix": 4, "vale": 2}; !maps.Equal(got, want) {
		t.Errorf("runs by command %v, want %v", got, want)
	}
	if strings.Count(stderr.String(), "scale: generating") != 2 {
		t.Errorf("want both corpora generated, stderr:\n%s", stderr.String())
	}

	// The second run reuses both corpora, which the fix runs left untouched.
	stdout.Reset()
	stderr.Reset()
	if code := run(args, &stdout, &stderr); code != 0 || strings.Contains(stderr.String(), "generating") {
		t.Fatalf("second run: exit %d, stderr:\n%s", code, stderr.String())
	}

	// A corpus changed in the cache is refused, not measured.
	entries, err := filepath.Glob(filepath.Join(cache, "64KB-*", "*", "*", "*"))
	if err != nil || len(entries) == 0 {
		t.Fatalf("no article in the cached corpus: %v", err)
	}
	if err := os.WriteFile(entries[0], []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if code := run(args, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "its manifest says") {
		t.Errorf("changed corpus: exit %d, stderr:\n%s", code, stderr.String())
	}
}

func TestRunFailures(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake binaries are shell scripts")
	}
	good := writeScript(t, "copydesk", fake)
	broken := writeScript(t, "broken", "#!/bin/sh\n[ \"$1\" = version ] && exit 0\necho 'cannot read config: boom' >&2\nexit 2\n")
	cache := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no binary", []string{"-cache", cache}, 2, "-bin names no binary"},
		{"unknown flag", []string{"-nope"}, 2, "flag provided but not defined: -nope"},
		{"missing binary", []string{"-bin", filepath.Join(cache, "nothing")}, 2, "find "},
		{"sizes not ascending", []string{"-bin", good, "-sizes", "128KB,64KB"}, 2, "ascending"},
		{"bad size", []string{"-bin", good, "-sizes", "big"}, 2, "bad size"},
		{"no runs", []string{"-bin", good, "-n", "0"}, 2, "at least one run"},
		{"extra argument", []string{"-bin", good, "dir"}, 2, "unexpected argument"},
		{"failing child", []string{"-bin", broken, "-sizes", "64KB", "-n", "1", "-cache", cache}, 1,
			"lint on the 64KB corpus, run 1: " + broken + " lint --format json . in "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			if code != tc.code || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("exit %d, want %d; stderr %q lacks %q", code, tc.code, stderr.String(), tc.want)
			}
			if tc.code == 1 && !strings.Contains(stderr.String(), "boom") {
				t.Errorf("stderr %q lacks the child's reason", stderr.String())
			}
		})
	}
}
