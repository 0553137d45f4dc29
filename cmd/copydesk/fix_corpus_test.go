package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
)

// navArticle is an invented plain-text article with navigation lines.
func navArticle(title, date, body string, nav ...string) string {
	s := "Harbor News\n\n" + title + "\n\nDate:" + date + "\n\n" + body + "\n"
	if len(nav) > 0 {
		s += "\n" + strings.Join(nav, "\n") + "\n"
	}
	return s
}

// TestFixReportsCorpusFindings: after fixing, what the checks across
// articles find in a fixed file stays reported, and fix exits as lint does
// (issue 9 §2). Before, the fixed file was linted alone: "0 left", exit 0.
func TestFixReportsCorpusFindings(t *testing.T) {
	for _, mode := range []string{"", "--check", "--diff"} {
		t.Run("mode "+mode, func(t *testing.T) {
			dir := workdir(t)
			if err := os.WriteFile(".copydesk.yaml", []byte("version: 1\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			write(t, "a.txt", navArticle("Ferry pier reopens after repairs", "2025-02-10",
				"The Eastwick ferry pier reopened on Monday after six weeks of repairs.",
				"[next]:Gulls return to the breakwater"))
			// b.txt has a doubled word (safe fix) and a next link that
			// names no article (no fix: nothing is close).
			write(t, "b.txt", navArticle("Gulls return to the breakwater", "2025-02-14",
				"Birdwatchers counted the the first gulls on the Eastwick breakwater this week.",
				"[previous]:Ferry pier reopens after repairs", "[next]:Regatta volunteers wanted"))
			args := []string{"fix"}
			if mode != "" {
				args = append(args, mode)
			}
			r := cli(t, "", append(args, ".")...)
			wantCode(t, r, 1)
			report := r.stdout
			if mode == "--diff" {
				report = r.stderr
				mustContain(t, "diff", r.stdout, "-Birdwatchers counted the the first", "+Birdwatchers counted the first")
			}
			mustContain(t, "report", report, "[nav-link-broken]", `"Regatta volunteers wanted"`)

			// What fix says remains is what lint says afterwards.
			if mode == "" {
				l := cli(t, "", "lint", ".")
				wantCode(t, l, 1)
				if !strings.Contains(report, l.stdout) {
					t.Errorf("fix report does not contain lint's report\nfix:\n%s\nlint:\n%s", report, l.stdout)
				}
				mustContain(t, "report", report, "Fixed 1 problem in 1 file; 1 left.")
				_ = dir
			} else {
				mustContain(t, "report", report, "Would fix 1 problem in 1 file; 1 left.")
			}
			// --fail-level error: the broken link is an error and fails it;
			// none lets it pass (exit 0 when writing, 1 with --check/--diff
			// because something would change).
			r = cli(t, "", append(args, "--fail-level", "none", ".")...)
			if mode == "" {
				wantCode(t, r, 0)
			} else {
				wantCode(t, r, 1)
			}
		})
	}
}

// TestFixUnsafeSettlesInOneRun: a nav-link fix in one article enables a
// fix in another (the corrected next link makes the target's missing back
// link visible); one run must apply both (issue 15). Before, a second
// run was needed.
func TestFixUnsafeSettlesInOneRun(t *testing.T) {
	workdir(t)
	if err := os.WriteFile(".copydesk.yaml", []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	write(t, "a1.txt", navArticle("Museum signs harbor partnership", "2025-01-02",
		"The Harbor City Museum signed a partnership with the port authority on Thursday.",
		"[next]:Harbor lab opns to pupils"))
	write(t, "a2.txt", navArticle("Harbor lab opens to pupils", "2025-01-05",
		"The new harbor lab opened its doors to pupils from three schools.",
		"[next]:Pupils test seawater samples"))
	write(t, "a3.txt", navArticle("Pupils test seawater samples", "2025-01-09",
		"Pupils from the Northfield school tested seawater samples in the harbor lab.",
		"[previous]:Harbor lab opens to pupils"))
	r := cli(t, "", "fix", "--unsafe", ".")
	wantCode(t, r, 0)
	mustContain(t, "stdout", r.stdout, "Fixed 2 problems in 2 files; 0 left.")
	if got := string(mustRead(t, "a1.txt")); !strings.Contains(got, "[next]:Harbor lab opens to pupils\n") {
		t.Errorf("a1.txt next link not fixed:\n%s", got)
	}
	if got := string(mustRead(t, "a2.txt")); !strings.Contains(got, "[previous]:Museum signs harbor partnership") {
		t.Errorf("a2.txt back link not added in the same run:\n%s", got)
	}
	again := cli(t, "", "fix", "--unsafe", "--check", ".")
	wantCode(t, again, 0)
	mustContain(t, "second run", again.stdout, "Would fix 0 problems in 0 files; 0 left.")
}

// relayRule is an invented corpus rule whose fix in one file is due only
// once the file before it (in path order) has been fixed: a chain of n
// files needs n-1 rounds.
var relayRule = &lint.Rule{
	ID: "relay", Category: lint.CategoryTypography, Severity: lint.SeverityWarning, Fixable: lint.FixUnsafe,
	Doc: lint.Doc{Title: "relay", Why: "test", Wrong: "x"},
	Corpus: lint.Corpus(func(p *lint.CorpusPass) {
		for i := 1; i < len(p.Summaries); i++ {
			prev, s := p.Summaries[i-1], p.Summaries[i]
			if bytes.HasPrefix(prev.Src, []byte("baton ")) && !bytes.HasPrefix(s.Src, []byte("baton ")) {
				p.Report(s.Path, lint.Diagnostic{Start: 0, End: 0, Message: "take the baton",
					Fix: &lint.Fix{Applicability: lint.Unsafe, Message: "take it", Edits: []lint.Edit{{NewText: "baton "}}}})
			}
		}
	}),
}

func relayEngine(t *testing.T) *engine.Engine {
	t.Helper()
	reg, err := lint.NewRegistry(append(lint.Builtin(), relayRule)...)
	if err != nil {
		t.Fatal(err)
	}
	return &engine.Engine{Registry: reg, Config: config.Default(t.TempDir())}
}

func relayInputs(n int) []engine.Input {
	var in []engine.Input
	for i := range n {
		text := "A quiet day on the pier.\n"
		if i == 0 {
			text = "baton " + text
		}
		in = append(in, engine.Input{Path: fmt.Sprintf("f%02d.md", i), Src: []byte(text)})
	}
	return in
}

func TestSettleRounds(t *testing.T) {
	unsafe := func(d lint.Diagnostic) bool { return d.Fix != nil }
	e := &env{stdout: new(bytes.Buffer), stderr: new(bytes.Buffer)}

	// Six files: five rounds, within the bound; everything passed on.
	run := settle(e, relayEngine(t), relayInputs(6), unsafe)
	if len(run.unsettled) != 0 {
		t.Errorf("unsettled %v", run.unsettled)
	}
	if got := len(run.changed()); got != 5 {
		t.Errorf("%d files changed, want 5", got)
	}
	for _, fr := range run.res.Files {
		if len(fr.Diagnostics) != 0 {
			t.Errorf("%s: left %v", fr.Path, fr.Diagnostics)
		}
	}

	// Fourteen files: the chain is longer than maxRounds. The files
	// fixed so far are kept, the next one is named as unsettled, and its
	// finding is still in the result.
	run = settle(e, relayEngine(t), relayInputs(14), unsafe)
	if got, want := strings.Join(run.unsettled, " "), fmt.Sprintf("f%02d.md", maxRounds+1); got != want {
		t.Errorf("unsettled = %q, want %q", got, want)
	}
	if got := len(run.changed()); got != maxRounds {
		t.Errorf("%d files changed, want %d", got, maxRounds)
	}
	left := 0
	for _, fr := range run.res.Files {
		left += len(fr.Diagnostics)
	}
	if left != 1 {
		t.Errorf("%d findings left, want the one not yet applied", left)
	}
}

// Standard input and files in one run: the text comes back on stdout and
// the files are still written.
func TestFixStdinWithFiles(t *testing.T) {
	workdir(t)
	write(t, "a.md", "Gulls gulls cried.\n")
	r := cli(t, "Sails sails up.\n", "fix", "--stdin-filename", "draft.md", "-", "a.md")
	wantCode(t, r, 0)
	if r.stdout != "Sails up.\n" {
		t.Errorf("stdout %q", r.stdout)
	}
	if got := string(mustRead(t, "a.md")); got != "Gulls cried.\n" {
		t.Errorf("a.md = %q, want it fixed", got)
	}
	mustContain(t, "stderr", r.stderr, "Fixed 2 problems in 2 files; 0 left.")
}
