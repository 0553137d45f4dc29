package rules

import (
	"testing"

	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"
)

// FuzzFix runs every rule and the fix loop on arbitrary text: no panic,
// fixes stay valid, nothing safe-fixable is left once the loop converges,
// and fixing the result again changes nothing.
func FuzzFix(f *testing.F) {
	seeds := []string{
		"Institute News\n\nMuseum signs the the deal  \n\nDate:2025-03-14\n\n\n\nThe\u00a0museum and and the the lab.\u00a0\n",
		"---\ntitle: the the title\n---\n\n# The the\n\nto `x` to *the* the\n> the\n> the\n\n\n\n```\na  \n```\n",
		"a a a\n\n\n\n\n b b \t\n",
		"the\u00a0\u00a0the  \r\n\r\n\r\n\r\nx",
	}
	for _, s := range seeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	reg := Registry()
	eng := &lint.Engine{Registry: reg, Config: lint.DefaultConfig(".")}
	safe := func(d lint.Diagnostic) bool { return d.Fix != nil && d.Fix.Applicability == lint.Safe }
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
			return // not text: binary or invalid UTF-8
		}
		for _, d := range first {
			if d.Fix == nil {
				continue
			}
			if _, err := fixers.Normalize([]byte(s), *d.Fix); err != nil {
				t.Fatalf("[%s] offers an invalid fix: %v", d.Rule, err)
			}
		}
		r, err := fixers.Loop([]byte(s), first, relint, safe, 10)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Converged {
			return
		}
		for _, d := range r.Remaining {
			if safe(d) {
				t.Fatalf("after fixing, [%s] still offers a safe fix: %s\ntext: %q", d.Rule, d.Message, r.Src)
			}
		}
		again, err := relint(r.Src)
		if err != nil {
			t.Fatalf("fixed text no longer parses: %v", err)
		}
		r2, err := fixers.Loop(r.Src, again, relint, safe, 10)
		if err != nil {
			t.Fatal(err)
		}
		if r2.Applied != 0 {
			t.Fatalf("second fix changed %q to %q", r.Src, r2.Src)
		}
	})
}
