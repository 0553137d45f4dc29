package htmlentity_test

import (
	"testing"

	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/htmlentity"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", htmlentity.Rule)
}

// TestDocExamples: the documented wrong example is reported, and fixing it
// (unsafe fixes included) gives the documented right one, which is clean.
func TestDocExamples(t *testing.T) {
	r := htmlentity.Rule
	fix := func(src string) (string, int) {
		relint := func(b []byte) ([]lint.Diagnostic, error) {
			doc, err := lint.Parse("example.txt", b)
			if err != nil {
				return nil, err
			}
			return lint.Check(r, doc, nil), nil
		}
		first, err := relint([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		res, err := fixers.Loop([]byte(src), first, relint, func(d lint.Diagnostic) bool { return d.Fix != nil }, 10)
		if err != nil {
			t.Fatal(err)
		}
		return string(res.Src), len(first)
	}
	got, n := fix(r.Doc.Wrong)
	if n == 0 {
		t.Errorf("wrong example %q: no finding", r.Doc.Wrong)
	}
	if got != r.Doc.Right {
		t.Errorf("wrong example fixed:\n got %q\nwant %q", got, r.Doc.Right)
	}
	if _, n := fix(r.Doc.Right); n != 0 {
		t.Errorf("right example %q: %d findings", r.Doc.Right, n)
	}
}

// TestProofreadBooks bounds the findings on the proofread books.
func TestProofreadBooks(t *testing.T) { linttest.ProofreadBooks(t, htmlentity.Rule, 0.1) }

// BenchmarkRule times the rule alone; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) { linttest.Bench(b, htmlentity.Rule) }
