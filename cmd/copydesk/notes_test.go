package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestVerboseUndatedNote: in a docs site whose pages carry no dates,
// date-missing reports nothing and --verbose says why, once.
func TestVerboseUndatedNote(t *testing.T) {
	workdir(t)
	write(t, ".copydesk.yaml", "version: 1\n") // date-missing on, unlike the snippet tests
	for i, topic := range []string{"install", "configure", "deploy", "upgrade", "remove", "backup"} {
		write(t, fmt.Sprintf("docs/guide/%d-%s.md", i, topic), "---\ntitle: How to "+topic+" Lantern\n---\n\nThe steps to "+topic+" the toolkit.\n")
	}
	r := cli(t, "", "lint", "--verbose", "--format", "json", "docs")
	if strings.Contains(r.stdout, `"date-missing"`) {
		t.Errorf("date-missing reported on an undated docs site:\n%s", r)
	}
	note := "copydesk: note: date-missing: 6 pages have no date in sections that do not date their pages (the pages at the top); they are not reported"
	if n := strings.Count(r.stderr, note); n != 1 {
		t.Errorf("note said %d times, want once:\n%s", n, r)
	}
	if r = cli(t, "", "lint", "docs"); strings.Contains(r.stderr, "note:") {
		t.Errorf("a note without --verbose:\n%s", r)
	}
}
