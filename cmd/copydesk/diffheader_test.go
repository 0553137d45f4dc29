package main

import (
	"strings"
	"testing"
)

// TestFixDiffEscapesNames: `fix --diff` on files whose names hold an
// escape sequence, a newline or a right-to-left override prints each name
// quoted with its bytes escaped, as git does, and nothing raw that a
// terminal would act on.
func TestFixDiffEscapesNames(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	names := []string{"\x1b[2J\x1b[31mred\nline.txt", "evil\u202etxt.md"}
	for _, name := range names {
		writeIn(t, dir, name, "Harbour notes\n\nDate: 2025-03-14\n\nThe council met on on Tuesday.\n")
	}
	r := exe(t, bin, dir, "", nil, "fix", "--diff", ".")
	if r.code != 1 {
		t.Fatalf("fix --diff: exit %d, want 1 (fixes due)\n%s", r.code, r)
	}
	for _, bad := range []string{"\x1b", "\u202e", "red\nline"} {
		if strings.Contains(r.stdout, bad) {
			t.Errorf("diff holds %q raw:\n%q", bad, r.stdout)
		}
	}
	for _, want := range []string{
		"--- \"a/\\033[2J\\033[31mred\\nline.txt\"\n+++ \"b/\\033[2J\\033[31mred\\nline.txt\"\n",
		"--- \"a/evil\\342\\200\\256txt.md\"\n+++ \"b/evil\\342\\200\\256txt.md\"\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("diff lacks the header\n%s\nin\n%s", want, r.stdout)
		}
	}
	if strings.Count(r.stdout, "-The council met on on Tuesday.\n+The council met on Tuesday.\n") != 2 {
		t.Errorf("diff does not fix both files:\n%s", r.stdout)
	}
}
