package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/rules"
)

func TestVersion(t *testing.T) {
	workdir(t)
	r := cli(t, "", "version")
	wantCode(t, r, 0)
	if want := "copydesk " + version + "\n"; r.stdout != want {
		t.Errorf("version printed %q, want %q", r.stdout, want)
	}
	if version == "" {
		t.Error("version is empty")
	}
	// version takes no arguments.
	wantCode(t, cli(t, "", "version", "extra"), 2)
}

// TestRulesVerbose: --verbose adds what each rule reads, the facts and
// inputs it declares, and keeps the other columns.
func TestRulesVerbose(t *testing.T) {
	workdir(t)
	r := cli(t, "", "rules", "--verbose")
	wantCode(t, r, 0)
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	if h := strings.Fields(lines[0]); len(h) != 6 || h[4] != "READS" {
		t.Fatalf("header = %q, want RULE CATEGORY SEVERITY FIX READS FINDS", lines[0])
	}
	want := map[string]string{"unbalanced-brackets": "blocks-with:bracket", "quote-style": "blocks-with:double-quote|single-quote", "repeated-word": "-", "name-variant": "input:name-words,input:name-scratch"}
	for _, l := range lines[1:] {
		if f := strings.Fields(l); want[f[0]] != "" {
			if f[4] != want[f[0]] {
				t.Errorf("%s reads %q, want %q", f[0], f[4], want[f[0]])
			}
			delete(want, f[0])
		}
	}
	if len(want) > 0 {
		t.Errorf("rules missing from the listing: %v", want)
	}
}

func TestRulesTable(t *testing.T) {
	workdir(t)
	r := cli(t, "", "rules")
	wantCode(t, r, 0)
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	header := strings.Fields(lines[0])
	if len(header) < 4 || header[0] != "RULE" || header[1] != "CATEGORY" || header[2] != "SEVERITY" || header[3] != "FIX" {
		t.Fatalf("header = %q, want RULE CATEGORY SEVERITY FIX ...", lines[0])
	}
	rows := map[string][]string{}
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		if len(f) < 4 {
			t.Fatalf("short row %q", l)
		}
		rows[f[0]] = f[1:4]
	}
	// Every rule the registry knows is listed with its category, default
	// severity and fixability.
	reg := rules.Registry()
	if len(rows) != len(reg.Rules()) {
		t.Errorf("table lists %d rules, registry has %d", len(rows), len(reg.Rules()))
	}
	for _, rule := range reg.Rules() {
		fx := rule.Fixable.String()
		if fx == "" {
			fx = "-"
		}
		want := []string{rule.Category, rule.Severity.String(), fx}
		got, ok := rows[rule.ID]
		if !ok {
			t.Errorf("rule %s missing from the table", rule.ID)
			continue
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("row %s = %v, want %v", rule.ID, got, want)
		}
	}
	// Spot checks independent of the registry.
	for id, want := range map[string]string{
		"repeated-word":       "typography warning safe",
		"trailing-whitespace": "typography warning safe",
		"blank-lines":         "typography warning safe",
		"nbsp":                "cleaning warning safe",
		"front-matter":        "metadata error -",
		"unused-suppression":  "suppression warning -",
		"invalid-suppression": "suppression warning -",
	} {
		if got := strings.Join(rows[id], " "); got != want {
			t.Errorf("rules row %s = %q, want %q", id, got, want)
		}
	}
	// The table is sorted by rule ID.
	var ids []string
	for _, l := range lines[1:] {
		ids = append(ids, strings.Fields(l)[0])
	}
	for i := 1; i < len(ids); i++ {
		if ids[i-1] > ids[i] {
			t.Errorf("rules not sorted: %q before %q", ids[i-1], ids[i])
		}
	}
}

func TestRulesJSONAndBadFormat(t *testing.T) {
	workdir(t)
	r := cli(t, "", "rules", "--format", "json")
	wantCode(t, r, 0)
	mustContain(t, "rules --format json", r.stdout, `"id": "repeated-word"`, `"fix": "safe"`)
	wantCode(t, cli(t, "", "rules", "--format", "yaml"), 2)
	wantCode(t, cli(t, "", "rules", "extra-arg"), 2)
}

func TestExplain(t *testing.T) {
	workdir(t)
	for _, rule := range rules.Registry().Rules() {
		t.Run(rule.ID, func(t *testing.T) {
			r := cli(t, "", "explain", rule.ID)
			wantCode(t, r, 0)
			out := r.stdout
			if !strings.HasPrefix(out, rule.ID+" (") {
				t.Errorf("explain does not start with the rule ID:\n%s", out)
			}
			mustContain(t, "explain "+rule.ID, out, rule.Doc.Title, "Why it matters", "\nWrong\n", "\nRight\n")
			// The wrong and the right example are both shown, indented, in that order.
			wrong := strings.Index(out, "\nWrong\n")
			right := strings.Index(out, "\nRight\n")
			if wrong < 0 || right < 0 || wrong > right {
				t.Fatalf("want a Wrong section before a Right section:\n%s", out)
			}
			if rule.Doc.Wrong == "" || rule.Doc.Right == "" {
				t.Errorf("rule %s lacks a wrong or right example", rule.ID)
			}
			firstWrong := "  " + strings.Split(rule.Doc.Wrong, "\n")[0]
			firstRight := "  " + strings.Split(rule.Doc.Right, "\n")[0]
			if !strings.Contains(out[wrong:right], firstWrong) {
				t.Errorf("Wrong section lacks %q:\n%s", firstWrong, out)
			}
			if !strings.Contains(out[right:], firstRight) {
				t.Errorf("Right section lacks %q:\n%s", firstRight, out)
			}
			for _, d := range rule.Options {
				o := d.Spec()
				mustContain(t, "explain options", out, fmt.Sprintf("  %s (default %v): ", o.Name, o.Default))
			}
		})
	}
}

func TestExplainRepeatedWordExamples(t *testing.T) {
	workdir(t)
	r := cli(t, "", "explain", "repeated-word")
	wantCode(t, r, 0)
	// The wrong example really is reported and the right one is clean.
	wrong := between(t, r.stdout, "\nWrong\n", "\n\n")
	right := between(t, r.stdout, "\nRight\n", "\n\n")
	write(t, "wrong.txt", strings.TrimPrefix(wrong, "  ")+"\n")
	write(t, "right.txt", strings.TrimPrefix(right, "  ")+"\n")
	wantCode(t, cli(t, "", "lint", "wrong.txt"), 1)
	wantCode(t, cli(t, "", "lint", "right.txt"), 0)
}

func between(t *testing.T, s, from, to string) string {
	t.Helper()
	i := strings.Index(s, from)
	if i < 0 {
		t.Fatalf("%q not in %q", from, s)
	}
	s = s[i+len(from):]
	if j := strings.Index(s, to); j >= 0 {
		s = s[:j]
	}
	return s
}

func TestExplainUnknownRule(t *testing.T) {
	workdir(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"explain", "repeted-word"}, `did you mean "repeated-word"`},
		{[]string{"explain", "no-such-rule-anywhere"}, `unknown rule "no-such-rule-anywhere"`},
		{[]string{"explain"}, "arg"},
		{[]string{"explain", "nbsp", "blank-lines"}, "arg"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := cli(t, "", tt.args...)
			wantCode(t, r, 2)
			mustContain(t, "stderr", r.stderr, tt.want)
			if r.stdout != "" {
				t.Errorf("stdout not empty: %q", r.stdout)
			}
		})
	}
}

func TestInit(t *testing.T) {
	dir := workdir(t)
	r := cli(t, "", "init")
	wantCode(t, r, 0)
	mustContain(t, "init stdout", r.stdout, config.FileName)
	cfg := mustRead(t, config.FileName)
	s := string(cfg)
	// A commented default: comments, the version, every rule at its default.
	if strings.Count(s, "#") < 5 {
		t.Errorf("config has few comments:\n%s", s)
	}
	mustContain(t, "config", s, "version: 1", "rules:", "include:", "allow-hard-breaks: true", "allow-with-numbers: true")
	for _, rule := range rules.Registry().Rules() {
		mustContain(t, "config", s, "  "+rule.ID+":")
	}
	// It loads back: lint with it finds a defect (exit 1) and passes a
	// clean file (exit 0), without complaint on stderr.
	write(t, "clean.md", "The museum opened on Friday.\n")
	r = cli(t, "", "lint", "clean.md")
	wantCode(t, r, 0)
	if r.stderr != "" {
		t.Errorf("stderr with the written config: %s", r.stderr)
	}
	write(t, "bad.md", "The museum opened on on Friday.\n")
	r = cli(t, "", "lint", "--config", dir+"/"+config.FileName, "bad.md")
	wantCode(t, r, 1)
	mustContain(t, "lint with init config", r.stdout, "[repeated-word]")
	loaded, err := config.Load(config.FileName, rules.Registry())
	if err != nil {
		t.Fatalf("written config does not load: %v", err)
	}
	// It sets every option to the default its rule declares.
	for _, rule := range rules.Registry().Rules() {
		for _, d := range rule.Options {
			o := d.Spec()
			if got, ok := loaded.Rules[rule.ID].Options[o.Name]; !ok || fmt.Sprint(got) != fmt.Sprint(o.Default) {
				t.Errorf("%s: %s is %#v in the written config, the declared default is %#v", rule.ID, o.Name, got, o.Default)
			}
		}
	}

	// Refuses to overwrite without --force, and leaves the file alone.
	write(t, config.FileName, "# mine\nversion: 1\n")
	r = cli(t, "", "init")
	wantCode(t, r, 2)
	mustContain(t, "init stderr", r.stderr, "already exists", "--force")
	if got := string(mustRead(t, config.FileName)); got != "# mine\nversion: 1\n" {
		t.Errorf("init without --force changed the file to:\n%s", got)
	}
	// --force overwrites it with the default.
	wantCode(t, cli(t, "", "init", "--force"), 0)
	if got := mustRead(t, config.FileName); !bytes.Equal(got, cfg) {
		t.Errorf("init --force wrote something else:\n%s", got)
	}
}

// TestInitCommentedExamplesLoad uncomments the overrides and ignore examples
// of the written config: they must be valid config too.
func TestInitCommentedExamplesLoad(t *testing.T) {
	workdir(t)
	wantCode(t, cli(t, "", "init"), 0)
	s := string(mustRead(t, config.FileName))
	var out []string
	examples := false
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "# overrides:") || strings.HasPrefix(l, "# ignore:") {
			examples = true
			l = strings.TrimPrefix(l, "# ")
		} else if examples && strings.HasPrefix(l, "#   ") {
			l = strings.TrimPrefix(l, "# ")
		}
		out = append(out, l)
	}
	if !examples {
		t.Fatalf("no commented overrides or ignore example:\n%s", s)
	}
	write(t, config.FileName, strings.Join(out, "\n"))
	write(t, "news/2026/a.md", "The the museum.\n")
	write(t, "imported/b.md", "The\u00a0museum opened.\n")
	r := cli(t, "", "lint", "--format", "json")
	wantCode(t, r, 1)
	m := decode(t, r)
	ds := m.diags(t)
	if len(ds) != 1 || ds[0]["rule"] != "repeated-word" || ds[0]["severity"] != "error" {
		t.Errorf("want one repeated-word error from the override and the nbsp ignored, got %v", m.rulesOf(t))
	}
}

func TestInitRefusesWhenNotWritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write anywhere")
	}
	dir := workdir(t)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	r := cli(t, "", "init")
	wantCode(t, r, 2)
	mustContain(t, "stderr", r.stderr, config.FileName)
}

func TestUsageErrors(t *testing.T) {
	workdir(t)
	write(t, "a.md", "The the museum.\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"lint", "--bogus", "a.md"}, "unknown flag"},
		{"unknown shorthand", []string{"lint", "-z", "a.md"}, "unknown shorthand"},
		{"unknown format", []string{"lint", "--format", "xml", "a.md"}, `unknown format "xml"`},
		{"unknown command", []string{"lnit"}, "unknown command"},
		{"bad fail level", []string{"lint", "--fail-level", "loud", "a.md"}, "--fail-level"},
		{"fail level off", []string{"lint", "--fail-level", "off", "a.md"}, "--fail-level"},
		{"unknown rule in --select", []string{"lint", "--select", "repeated-wrod", "a.md"}, `no rule or category is called "repeated-wrod" (did you mean "repeated-word"?)`},
		{"unknown category in --ignore", []string{"fix", "--ignore", "nams", "a.md"}, `(did you mean "names"?)`},
		{"statistics in a format without them", []string{"lint", "--statistics", "--format", "sarif", "a.md"}, "sarif has no statistics"},
		{"fix diff and check", []string{"fix", "--diff", "--check", "a.md"}, "choose one"},
		{"fix unknown flag", []string{"fix", "--bogus", "a.md"}, "unknown flag"},
		{"missing config", []string{"lint", "--config", "nope.yaml", "a.md"}, "nope.yaml"},
		{"init extra arg", []string{"init", "x"}, `"x"`},
		{"bad today", []string{"lint", "--today", "2025-13-01", "a.md"}, `--today: want a date as YYYY-MM-DD, got "2025-13-01"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := cli(t, "", tt.args...)
			wantCode(t, r, 2)
			mustContain(t, "stderr", r.stderr, tt.want)
			mustContain(t, "stderr", r.stderr, "copydesk: ")
			if tt.name != "unknown command" && strings.Count(strings.TrimSpace(r.stderr), "\n") > 1 {
				t.Errorf("want a short message, got:\n%s", r.stderr)
			}
		})
	}
	// The file was never touched by the failed fix invocations.
	if got := string(mustRead(t, "a.md")); got != "The the museum.\n" {
		t.Errorf("a.md changed to %q", got)
	}
}

func TestHelp(t *testing.T) {
	workdir(t)
	r := cli(t, "", "--help")
	wantCode(t, r, 0)
	for _, c := range []string{"lint", "fix", "rules", "explain", "init", "version"} {
		mustContain(t, "help", r.stdout, "\n  "+c+" ")
	}
	r = cli(t, "", "lint", "--help")
	wantCode(t, r, 0)
	mustContain(t, "lint help", r.stdout, "--format", "--fail-level", "--stdin-filename", "--config", "--statistics")
	r = cli(t, "", "fix", "--help")
	wantCode(t, r, 0)
	mustContain(t, "fix help", r.stdout, "--unsafe", "--diff", "--check", "--stdin-filename")
}
