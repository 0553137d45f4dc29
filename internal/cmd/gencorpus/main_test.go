package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"20MB": 20 << 20, "500KB": 500 << 10, "1GB": 1 << 30, "1.5MB": 3 << 19, "4096": 4096,
		"4096B": 4096, "20mb": 20 << 20, "2MiB": 2 << 20, "300K": 300 << 10,
	} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "-5MB", "0", "twentyMB", "5TB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) succeeded", in)
		}
	}
}

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
