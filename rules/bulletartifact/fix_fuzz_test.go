package bulletartifact_test

import (
	"bytes"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"
)

// FuzzCleaningFix runs the three cleaning rules with blank-lines and
// trailing-whitespace through the fix loop on arbitrary text: every fix is
// valid, the loop converges, nothing fixable is left, and fixing again
// changes nothing.
func FuzzCleaningFix(f *testing.F) {
	seeds := []string{
		"  • News\n\n  • Title here\n----------\n\n  • Date:2025-03-14\n\n    Body text.\n\n  • photo.jpg\n\n  • Caption\n\n  • [next]:X\n",
		"Title\n\n\nimg.png\n\n\n----\n\n\nText\n",
		"\ufeffcover.png\r\n\r\n  • T\r\n=====\r\n\r\n\r\n  · Next: A\r\n",
		"a.jpg\nb.jpg\n\n***********\n\n---\nx: y\n---\n",
		"---\ntitle: t\n---\n\nphoto.jpg\n\n• x\n\n----------\n",
	}
	for _, s := range seeds {
		f.Add(s, false, false)
		f.Add(s, true, true)
	}
	reg, err := lint.NewRegistry(cleaningRules()...)
	if err != nil {
		f.Fatal(err)
	}
	eng := &engine.Engine{Registry: reg, Config: config.Default("."), Workers: 1}
	f.Fuzz(func(t *testing.T, s string, markdown, unsafe bool) {
		path := "a.txt"
		if markdown {
			path = "a.md"
		}
		relint := func(b []byte) ([]lint.Diagnostic, error) { return eng.LintSource(engine.Input{Path: path, Src: b}) }
		first, err := relint([]byte(s))
		if err != nil {
			return
		}
		for _, d := range first {
			if d.Fix == nil {
				continue
			}
			if _, err := fixers.Normalize([]byte(s), *d.Fix); err != nil {
				t.Fatalf("[%s] offers an invalid fix: %v", d.Rule, err)
			}
			for _, e := range d.Fix.Edits {
				if e.NewText != "" {
					t.Fatalf("[%s] inserts %q; the cleaning rules only delete", d.Rule, e.NewText)
				}
			}
		}
		want := func(d lint.Diagnostic) bool { return d.Fix != nil && (unsafe || d.Fix.Applicability == lint.Safe) }
		r, err := fixers.Loop([]byte(s), first, relint, want, 10)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Converged {
			t.Fatalf("no convergence in 10 passes: %q", s)
		}
		for _, d := range r.Remaining {
			if want(d) {
				t.Fatalf("after fixing, [%s] still offers a fix: %s\ntext: %q", d.Rule, d.Message, r.Src)
			}
		}
		if !bytes.Contains([]byte(s), []byte("\r")) && bytes.Contains(r.Src, []byte("\r")) {
			t.Fatalf("fixing made CR line endings: %q", r.Src)
		}
	})
}
