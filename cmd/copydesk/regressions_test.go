package main

// Regression tests for defects found while writing the CLI tests.

import (
	"strings"
	"testing"
)

// When --stdin-filename names a file that is also read from disk, fix
// keys inputs by path, takes the stdin result for the disk file, and
// overwrites the file on disk with the fixed standard input.
func TestRegressionStdinFilenameCollidesWithDiskFile(t *testing.T) {
	workdir(t)
	const disk = "Short.\nThe the quay.\n"
	const stdin = "A much longer first line about the the harbor.\n"
	write(t, "a.md", disk)

	r := cli(t, stdin, "lint", "--format", "json", "--stdin-filename", "a.md", "-", "a.md")
	for _, d := range decode(t, r).diags(t) {
		// Both findings are on a line that exists in their own text, and
		// each offset slices "the the" out of its own source.
		line := intOf(t, d["line"])
		off, end := intOf(t, d["offset"]), intOf(t, d["end_offset"])
		okDisk := line == 2 && end <= len(disk) && strings.EqualFold(disk[off:end], "the the")
		okStdin := line == 1 && end <= len(stdin) && stdin[off:end] == "the the"
		if !okDisk && !okStdin {
			t.Errorf("diagnostic at line %d, offsets %d..%d fits neither text", line, off, end)
		}
	}

	r = cli(t, stdin, "fix", "--stdin-filename", "a.md", "-", "a.md")
	if got := string(mustRead(t, "a.md")); got != disk && got != "Short.\nThe quay.\n" {
		t.Errorf("a.md on disk now holds %q: the standard input was written over it", got)
	}
	if !strings.Contains(r.stdout, "A much longer first line about the harbor.\n") {
		t.Errorf("fixed standard input not on stdout: %q", r.stdout)
	}
}

// fix --diff with standard input prints the fixed text, not a diff.
func TestRegressionFixDiffStdinPrintsText(t *testing.T) {
	workdir(t)
	r := cli(t, "The the tide.\n", "fix", "--diff", "--stdin-filename", "x.md", "-")
	wantCode(t, r, 1)
	mustContain(t, "stdout", r.stdout, "--- a/x.md\n+++ b/x.md\n", "-The the tide.\n", "+The tide.\n")
}

// fix --check with standard input prints the fixed text although --check
// "writes nothing".
func TestRegressionFixCheckStdinWrites(t *testing.T) {
	workdir(t)
	r := cli(t, "The the tide.\n", "fix", "--check", "--stdin-filename", "x.md", "-")
	wantCode(t, r, 1)
	mustNotContain(t, "stdout", r.stdout, "The tide.\n")
}

// fix from standard input printed nothing when the text could not be read
// (binary): `copydesk fix - < a > b` left b empty.
func TestRegressionFixStdinUnparsableLosesText(t *testing.T) {
	workdir(t)
	in := []byte("Caf\x00 on the the quay.\n")
	r := cliBytes(t, in, "fix", "--stdin-filename", "x.txt", "-")
	wantCode(t, r, 2)
	if r.stdout != string(in) {
		t.Errorf("stdout %q, want the input echoed unchanged %q", r.stdout, in)
	}
}

// The text formatter's gutter is "%5d | " but the caret line's is a fixed
// "      | ": from line 100000 on, carets are one column to the left.
func TestRegressionCaretMisalignedPastLine99999(t *testing.T) {
	workdir(t)
	var b strings.Builder
	for range 100_002 {
		b.WriteString("Calm.\n")
	}
	b.WriteString("Gulls the the pier.\n")
	write(t, "long.txt", b.String())
	r := cli(t, "", "lint", "long.txt")
	wantCode(t, r, 1)
	lines := strings.Split(r.stdout, "\n")
	src, caret := lines[1], lines[2]
	if !strings.HasPrefix(src, "100003 | ") {
		t.Fatalf("source line %q", src)
	}
	if got, want := strings.Index(caret, "^"), strings.Index(src, "the the"); got != want {
		t.Errorf("caret at %d, range at %d:\n%s\n%s", got, want, src, caret)
	}
}

// The fix summary counts fixes before writing them: when a write fails it
// still says they were fixed.
func TestRegressionFixSummaryCountsFailedWrites(t *testing.T) {
	dir := workdir(t)
	write(t, "a.md", "The the tide.\n")
	// The same file under two names: the second write sees the first.
	r := cli(t, "", "fix", "a.md", dir+"/a.md")
	if r.code == 2 {
		mustContain(t, "stdout", r.stdout, "Fixed 1 problem in 1 file")
	}
	if got := string(mustRead(t, "a.md")); got != "The tide.\n" {
		t.Errorf("a.md = %q", got)
	}
}
