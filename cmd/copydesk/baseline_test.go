package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestBaseline(t *testing.T) {
	gitRepo(t)
	write(t, "archive/ferry.txt", "Ferry\n\nThe ferry to to the island leaves at nine.\n\nThe bus is is late.\n")
	write(t, "archive/museum.md", "# Museum\n\nThe the museum opens.\n\nThe the museum opens.\n")
	write(t, "news/today.md", "# Today\n\nClean text.\n")
	gitCommit(t, "archive")

	r := cli(t, "", "lint", "--write-baseline", ".copydesk-baseline.json")
	wantCode(t, r, 0)
	if r.stdout != "" {
		t.Errorf("--write-baseline printed a report:\n%s", r.stdout)
	}
	mustContain(t, "stderr", r.stderr, "Recorded 4 problems in 2 files in .copydesk-baseline.json.")
	var file struct {
		Version int `json:"version"`
		Entries []struct {
			Path  string `json:"path"`
			Rule  string `json:"rule"`
			Count int    `json:"count"`
		} `json:"entries"`
	}
	if err := json.Unmarshal(mustRead(t, ".copydesk-baseline.json"), &file); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range file.Entries {
		got = append(got, e.Path+" "+e.Rule+" "+strings.Repeat("+", e.Count))
	}
	want := []string{"archive/ferry.txt repeated-word +", "archive/ferry.txt repeated-word +", "archive/museum.md repeated-word ++"}
	if file.Version != 1 || !slices.Equal(got, want) {
		t.Errorf("baseline version %d entries %v, want %v", file.Version, got, want)
	}
	gitCommit(t, "baseline")

	// Unchanged: nothing to report, exit 0.
	r = cli(t, "", "lint", "--baseline", ".copydesk-baseline.json")
	wantCode(t, r, 0)
	mustContain(t, "stdout", r.stdout, "No problems found in 3 files.", "4 problems recorded in the baseline .copydesk-baseline.json not shown.")
	mustNotContain(t, "stdout", r.stdout, "no longer match")

	// Paragraphs inserted above, lines moved, and one new defect: only the
	// new one is reported.
	write(t, "archive/ferry.txt", "Ferry\n\nA new first paragraph.\n\nAnd a second one.\n\nThe ferry to to the island leaves at nine.\n\nThe bus is is late.\n\nA fresh fresh slip.\n")
	write(t, "archive/museum.md", "# Museum\n\nIntro.\n\nThe the museum opens.\n\nMore.\n\nThe the museum opens.\n")
	r = cli(t, "", "lint", "--format", "json", "--baseline", ".copydesk-baseline.json")
	wantCode(t, r, 1)
	m := decode(t, r)
	if got, want := m.rulesOf(t), []string{"archive/ferry.txt:11 repeated-word"}; !slices.Equal(got, want) {
		t.Errorf("after moving lines: %v, want %v", got, want)
	}
	mustContain(t, "stderr", r.stderr, "4 problems recorded in the baseline")

	// One old defect fixed: the summary says so.
	write(t, "archive/ferry.txt", "Ferry\n\nA new first paragraph.\n\nAnd a second one.\n\nThe ferry to to the island leaves at nine.\n\nThe bus is late.\n\nA fresh fresh slip.\n")
	r = cli(t, "", "lint", "--baseline", ".copydesk-baseline.json")
	wantCode(t, r, 1)
	mustContain(t, "stdout", r.stdout, "Found 1 problem", "3 problems recorded in the baseline",
		"1 baseline entry no longer matches: fixed. Run `copydesk lint --write-baseline .copydesk-baseline.json` to update the baseline.")

	// A third identical paragraph is a new finding: the count is 2.
	write(t, "archive/museum.md", "# Museum\n\nThe the museum opens.\n\nThe the museum opens.\n\nThe the museum opens.\n")
	r = cli(t, "", "lint", "--format", "json", "--baseline", ".copydesk-baseline.json", "archive/museum.md")
	wantCode(t, r, 1)
	if got, want := decode(t, r).rulesOf(t), []string{"archive/museum.md:7 repeated-word"}; !slices.Equal(got, want) {
		t.Errorf("third identical finding: %v, want %v", got, want)
	}
	// Only archive/museum.md was linted: ferry.txt's entries are not "fixed".
	mustNotContain(t, "stderr", r.stderr, "no longer match")

	// From a subfolder, the baseline's paths still match.
	chdir(t, "archive")
	r = cli(t, "", "lint", "--format", "json", "--baseline", "../.copydesk-baseline.json", "ferry.txt")
	wantCode(t, r, 1)
	if got, want := decode(t, r).rulesOf(t), []string{"ferry.txt:11 repeated-word"}; !slices.Equal(got, want) {
		t.Errorf("from archive/: %v, want %v", got, want)
	}
	mustContain(t, "stderr", r.stderr, "1 baseline entry no longer matches: fixed")
}

func TestBaselineErrors(t *testing.T) {
	workdir(t)
	write(t, "a.md", "The the slip.\n")
	write(t, "bad.json", `{"version": 9, "entries": []}`)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--baseline", "missing.json"}, "read baseline: open missing.json: no such file or directory; record one with --write-baseline missing.json"},
		{[]string{"--baseline", "bad.json"}, "baseline bad.json has version 9"},
		{[]string{"--baseline", "bad.json", "--write-baseline", "b.json"}, "--baseline and --write-baseline: choose one"},
		{[]string{"--write-baseline", "b.json", "--changed-since", "HEAD"}, "would record only the changed files"},
		{[]string{"--write-baseline", "no/such/folder/b.json"}, "write baseline no/such/folder/b.json"},
	}
	for _, tt := range tests {
		r := cli(t, "", append([]string{"lint"}, tt.args...)...)
		wantCode(t, r, 2)
		mustContain(t, "stderr", r.stderr, tt.want)
	}
}
