package terminalpunctuation_test

import (
	"testing"

	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/terminalpunctuation"
)

// FuzzFix runs the rule and the fix loop, unsafe fixes included, on
// arbitrary text: no panic, fixes stay valid, and fixing converges.
func FuzzFix(f *testing.F) {
	for _, s := range []string{
		"Museum News\n\n“Ocean Night\" opens (HCMST\n\nDate: 2025-03-14\n\nThe guide said \"welcome and don't stay 12\" long\n\n“One.\n\n“Two.”\n",
		"---\ntitle: 'Don’t \"go'\n---\n\n# The “Deep [tour\n\nRun `f(\"x` and [a](https://e.org/\"b) \\\"x\\\" *it's* done\n\n> ‘q\n\n博物馆（海港城\n",
		"\"\"\"''' ((( ))) “”” [\n\n]\n\n12\" 6' a) b) :-) [0, 1)",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	reg, err := lint.NewRegistry(append(lint.Builtin(), terminalpunctuation.Rule)...)
	if err != nil {
		f.Fatal(err)
	}
	eng := &lint.Engine{Registry: reg, Config: lint.DefaultConfig(".")}
	all := func(d lint.Diagnostic) bool { return d.Fix != nil && d.Rule == terminalpunctuation.Rule.ID }
	f.Fuzz(func(t *testing.T, s string, markdown bool) {
		path := "a.txt"
		if markdown {
			path = "a.md"
		}
		relint := func(b []byte) ([]lint.Diagnostic, error) {
			return eng.LintSource(lint.Input{Path: path, Src: b})
		}
		first, err := relint([]byte(s))
		if err != nil {
			return
		}
		for _, d := range first {
			if d.Rule != terminalpunctuation.Rule.ID {
				continue
			}
			if d.Start < 0 || d.End < d.Start || d.End > len(s) {
				t.Fatalf("finding out of range: %+v", d)
			}
			if d.Fix == nil {
				continue
			}
			if _, err := fixers.Normalize([]byte(s), *d.Fix); err != nil {
				t.Fatalf("invalid fix: %v", err)
			}
		}
		r, err := fixers.Loop([]byte(s), first, relint, all, 10)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Converged {
			t.Fatalf("fixing did not converge: %q", s)
		}
		again, err := relint(r.Src)
		if err != nil {
			t.Fatalf("fixed text no longer parses: %v", err)
		}
		for _, d := range again {
			if all(d) {
				t.Fatalf("after fixing, still fixable: %s\ntext: %q", d.Message, r.Src)
			}
		}
	})
}
