package styles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBadInput: each problem is one message naming the file and line.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		yml  string
		want string
	}{
		{"bad yaml", "extends: existence\nmessage: 'x'\ntokens: [a, b\n", "styles/Test/Rule.yml:2: not valid YAML: did not find expected ',' or ']'"},
		{"unknown field", "extends: existence\nmessage: x\ntokenz: [a]\n", `styles/Test/Rule.yml:3: unknown field "tokenz" for a existence rule (did you mean "tokens"?)`},
		{"field of another type", "extends: existence\nmessage: x\nswap: {a: b}\n", `styles/Test/Rule.yml:3: unknown field "swap" for a existence rule`},
		{"unknown type", "extends: existance\nmessage: x\n", `styles/Test/Rule.yml:1: unknown rule type "existance" (did you mean "existence"?)`},
		{"no extends", "message: x\n", "styles/Test/Rule.yml:1: no extends field"},
		{"no message", "extends: existence\ntokens: [a]\n", "styles/Test/Rule.yml:1: no message"},
		{"bad level", "extends: existence\nmessage: x\nlevel: warn\ntokens: [a]\n", `styles/Test/Rule.yml:3: level: want suggestion, warning or error, got "warn" (did you mean "warning"?)`},
		{"bad scope", "extends: existence\nmessage: x\nscope: headings\ntokens: [a]\n", `scope: unknown scope "headings" (did you mean "heading"?)`},
		{"bad regex", "extends: existence\nmessage: x\ntokens:\n  - fine\n  - '(unclosed'\n", "styles/Test/Rule.yml:5: neither Go's regexp nor regexp2 compiles"},
		{"bad swap regex", "extends: substitution\nmessage: x\nswap:\n  '[a-': b\n", "styles/Test/Rule.yml:4: neither Go's regexp nor regexp2 compiles"},
		{"bad fix", "extends: substitution\nmessage: x\nfix: always\nswap: {a: b}\n", `styles/Test/Rule.yml:3: fix: want safe, unsafe or none, got "always"`},
		{"wrong example not flagged", "extends: substitution\nmessage: x\nswap: {utilize: use}\nexamples:\n  wrong: [We use it.]\n", `styles/Test/Rule.yml:4: examples.wrong: the rule does not flag "We use it."`},
		{"right example flagged", "extends: substitution\nmessage: x\nswap: {utilize: use}\nexamples:\n  right: [We utilize it.]\n", `styles/Test/Rule.yml:4: examples.right: the rule flags "We utilize it." (x)`},
		{"occurrence needs max", "extends: occurrence\nmessage: x\ntoken: a\n", "needs max or min"},
		{"not a mapping", "- a\n- b\n", "styles/Test/Rule.yml:1: a rule is a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := compileOne(t, tt.yml)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
			if n := strings.Count(err.Error(), "\n"); n > 0 {
				t.Errorf("want one message, got %d lines: %q", n+1, err)
			}
		})
	}
}

func TestLoadFolders(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		p = filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("House/PerCent.yml", "extends: substitution\nmessage: x\nswap: {percent: per cent}\n")
	write("House/Spell.yml", "extends: spelling\nmessage: x\n")
	write("House/notes.txt", "not a rule")
	write("Dup/A.yml", "extends: existence\nmessage: x\ntokens: [a]\n")
	write("Dup/A.yaml", "extends: existence\nmessage: x\ntokens: [b]\n")

	set, err := Load(dir, []string{"House"})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Rules()) != 1 || set.Rules()[0].ID != "House.PerCent" {
		t.Errorf("rules = %v", set.Rules())
	}
	if w := set.Warnings(); len(w) != 1 || !strings.Contains(w[0], "Spell.yml: skipped: copydesk does not run spelling rules") {
		t.Errorf("warnings = %q", w)
	}
	if _, err := Load(filepath.Join(dir, "nope"), []string{"House"}); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing folder: %v", err)
	}
	if _, err := Load(dir, []string{"Hous"}); err == nil || !strings.Contains(err.Error(), `no style "Hous"`) || !strings.Contains(err.Error(), `did you mean "House"?`) {
		t.Errorf("missing style: %v", err)
	}
	if _, err := Load(dir, []string{"Dup"}); err == nil || !strings.Contains(err.Error(), "duplicate rule ID Dup.A") {
		t.Errorf("duplicate: %v", err)
	}
}

// TestCatastrophicPattern: a pattern that backtracks without end is
// stopped on the block and its rule named once, the run goes on.
func TestCatastrophicPattern(t *testing.T) {
	// The lookahead sends it to regexp2; (a+)+b backtracks exponentially.
	set, err := compileOne(t, "extends: existence\nmessage: x\nnonword: true\ntokens: ['(?=a)(a+)+b']\n")
	if err != nil {
		t.Fatal(err)
	}
	var named []string
	set.OnTimeout = func(id string) { named = append(named, id) }
	text := strings.Repeat("a", 40) + "!\n\n" + strings.Repeat("a", 40) + "!\n"
	start := time.Now()
	got := runRule(t, set, "Test.Rule", text)
	if len(got) != 0 {
		t.Errorf("findings %q", got)
	}
	if len(named) != 1 || named[0] != "Test.Rule" {
		t.Errorf("timeouts reported: %q, want Test.Rule once", named)
	}
	if d := time.Since(start); d > 10*matchTimeout {
		t.Errorf("took %v", d)
	}
	if ids := set.TimedOut(); len(ids) != 1 {
		t.Errorf("TimedOut = %q", ids)
	}
}
