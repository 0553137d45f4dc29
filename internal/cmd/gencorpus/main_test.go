package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", dir, "-size", "100KB", "-seed", "3"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "wrote ") || !strings.Contains(stdout.String(), " MB to "+dir) {
		t.Errorf("output %q", stdout.String())
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		t.Fatalf("nothing written to %s: %v", dir, err)
	}

	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"-out", dir, "-size", "100KB"}, &stdout, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), "not empty") {
		t.Errorf("writing into a non-empty directory: exit %d, %q", code, stderr.String())
	}
	if code := run([]string{"-out", dir, "-size", "100KB", "-force"}, &stdout, &stderr); code != 0 {
		t.Errorf("-force: exit %d, %q", code, stderr.String())
	}
	for _, args := range [][]string{{}, {"-out", dir, "-size", "big"}, {"-out", dir, "-markdown", "2"}, {"-out", dir, "extra"}} {
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("run(%q) = %d, want 2", args, code)
		}
	}
}
