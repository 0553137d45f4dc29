package unicodenormalization_test

import (
	"testing"

	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/unicodenormalization"
)

// FuzzRule runs the rule and the fix loop on arbitrary text: no panic,
// every fix is valid, and once the loop converges nothing fixable is left.
func FuzzRule(f *testing.F) {
	for _, s := range []string{"Cafe\u0301 Lesin\u0301ski \u212b \uf90a e\u0301\u0301", "\u1112\u1161\u11ab x\u0301"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	reg, err := lint.NewRegistry(append(lint.Builtin(), unicodenormalization.Rule)...)
	if err != nil {
		f.Fatal(err)
	}
	eng := &lint.Engine{Registry: reg, Config: lint.DefaultConfig(".")}
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
			return // not text
		}
		for _, d := range first {
			if d.Start < 0 || d.Start > d.End || d.End > len(s) {
				t.Fatalf("[%s] range %d-%d outside the text", d.Rule, d.Start, d.End)
			}
			if d.Fix != nil {
				if _, err := fixers.Normalize([]byte(s), *d.Fix); err != nil {
					t.Fatalf("[%s] invalid fix: %v", d.Rule, err)
				}
			}
		}
		r, err := fixers.Loop([]byte(s), first, relint, func(d lint.Diagnostic) bool { return d.Fix != nil }, 10)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Converged {
			return
		}
		for _, d := range r.Remaining {
			if d.Fix != nil {
				t.Fatalf("after fixing, [%s] still offers a fix: %s\ntext: %q", d.Rule, d.Message, r.Src)
			}
		}
	})
}
