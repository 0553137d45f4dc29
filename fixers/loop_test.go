package fixers

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
)

// replacer returns a LintFunc reporting every occurrence of old, with a fix
// replacing it by new. Occurrences may overlap, which exercises Merge.
func replacer(rule, old, new string, app lint.Applicability) LintFunc {
	return func(src []byte) ([]lint.Diagnostic, error) {
		var diags []lint.Diagnostic
		for i := 0; i+len(old) <= len(src); i++ {
			if string(src[i:i+len(old)]) != old {
				continue
			}
			diags = append(diags, lint.Diagnostic{
				Rule: rule, Start: i, End: i + len(old), Message: "found " + old,
				Fix: &lint.Fix{Message: "Replace " + old, Applicability: app, Edits: []lint.Edit{ed(i, i+len(old), new)}},
			})
		}
		return diags, nil
	}
}

// both runs several LintFuncs and concatenates their output, the way the
// engine runs several rules.
func both(fs ...LintFunc) LintFunc {
	return func(src []byte) ([]lint.Diagnostic, error) {
		var all []lint.Diagnostic
		for _, f := range fs {
			d, err := f(src)
			if err != nil {
				return nil, err
			}
			all = append(all, d...)
		}
		return all, nil
	}
}

func mustLint(t *testing.T, f LintFunc, src string) []lint.Diagnostic {
	t.Helper()
	d, err := f([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func safeOnly(d lint.Diagnostic) bool { return d.Fix.Applicability == lint.Safe }

func TestLoop(t *testing.T) {
	doubleSpace := replacer("space", "  ", " ", lint.Safe)
	tests := []struct {
		name      string
		src       string
		first     func(LintFunc, string) []lint.Diagnostic // nil: lint src with relint
		relint    LintFunc
		want      func(lint.Diagnostic) bool
		max       int
		wantSrc   string
		applied   int
		passes    int
		remaining int
		converged bool
	}{
		{
			name:      "nothing to fix",
			src:       "clean text",
			relint:    doubleSpace,
			wantSrc:   "clean text",
			converged: true,
		},
		{
			name:      "one pass",
			src:       "a  b  c",
			relint:    doubleSpace,
			wantSrc:   "a b c",
			applied:   2,
			passes:    1,
			converged: true,
		},
		{
			// "     " holds four overlapping matches; only [0,2) and [2,4)
			// merge in pass 1, leaving "   ", then "  ", then " ".
			name:      "overlapping fixes need more passes",
			src:       "x     y",
			relint:    doubleSpace,
			wantSrc:   "x y",
			applied:   4,
			passes:    3,
			converged: true,
		},
		{
			name:      "max passes reached",
			src:       "x     y",
			relint:    doubleSpace,
			max:       2,
			wantSrc:   "x  y",
			applied:   3,
			passes:    2,
			remaining: 1,
		},
		{
			name:      "unwanted fixes left alone",
			src:       "teh  cat",
			relint:    both(doubleSpace, replacer("spell", "teh", "the", lint.Unsafe)),
			want:      safeOnly,
			wantSrc:   "teh cat",
			applied:   1,
			passes:    1,
			remaining: 1,
			converged: true,
		},
		{
			name:      "fixes that reproduce the text are no progress",
			src:       "a b",
			relint:    replacer("noop", "b", "b", lint.Safe),
			wantSrc:   "a b",
			remaining: 1,
			converged: true,
		},
		{
			// Two rules that undo each other must not spin forever.
			name:      "oscillation stops at max passes",
			src:       "colour",
			relint:    both(replacer("us", "colour", "color", lint.Safe), replacer("uk", "color", "colour", lint.Safe)),
			max:       5,
			wantSrc:   "color",
			applied:   5,
			passes:    5,
			remaining: 1,
		},
		{
			// A cross-document diagnostic is only in first; its fix is
			// applied once and relint never reports it again.
			name: "first may hold diagnostics relint cannot produce",
			src:  "Title  one",
			first: func(relint LintFunc, src string) []lint.Diagnostic {
				d, _ := relint([]byte(src))
				return append(d, lint.Diagnostic{Rule: "dup-title", Start: 0, End: 5,
					Fix: &lint.Fix{Message: "Rename", Edits: []lint.Edit{ed(0, 5, "Heading")}}})
			},
			relint:    doubleSpace,
			wantSrc:   "Heading one",
			applied:   2,
			passes:    1,
			converged: true,
		},
		{
			name:      "diagnostics without fixes remain",
			src:       "a  b",
			relint:    both(doubleSpace, noFix("b")),
			wantSrc:   "a b",
			applied:   1,
			passes:    1,
			remaining: 1,
			converged: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var first []lint.Diagnostic
			if tt.first != nil {
				first = tt.first(tt.relint, tt.src)
			} else {
				first = mustLint(t, tt.relint, tt.src)
			}
			calls := 0
			counted := func(src []byte) ([]lint.Diagnostic, error) {
				calls++
				return tt.relint(src)
			}
			res, err := Loop([]byte(tt.src), first, counted, tt.want, tt.max)
			if err != nil {
				t.Fatalf("Loop: %v", err)
			}
			if string(res.Src) != tt.wantSrc {
				t.Errorf("Src = %q, want %q", res.Src, tt.wantSrc)
			}
			if res.Applied != tt.applied || res.Passes != tt.passes || res.Converged != tt.converged {
				t.Errorf("Applied, Passes, Converged = %d, %d, %v; want %d, %d, %v",
					res.Applied, res.Passes, res.Converged, tt.applied, tt.passes, tt.converged)
			}
			if calls != res.Passes {
				t.Errorf("relint called %d times for %d passes", calls, res.Passes)
			}
			if len(res.Remaining) != tt.remaining {
				t.Errorf("Remaining = %v, want %d diagnostics", res.Remaining, tt.remaining)
			}
			// Remaining must describe Src, not an earlier text.
			if res.Passes > 0 {
				again := mustLint(t, tt.relint, string(res.Src))
				if len(again) != len(res.Remaining) {
					t.Errorf("Remaining has %d diagnostics but Src has %d", len(res.Remaining), len(again))
				}
			}
		})
	}
}

func noFix(word string) LintFunc {
	return func(src []byte) ([]lint.Diagnostic, error) {
		i := bytes.Index(src, []byte(word))
		if i < 0 {
			return nil, nil
		}
		return []lint.Diagnostic{{Rule: "nofix", Start: i, End: i + len(word)}}, nil
	}
}

// Conflicting fixes are resolved by position and then rule name, never by
// the order in which the rules happened to report them.
func TestLoopOrderIsDeterministic(t *testing.T) {
	mk := func(rule string, start, end int, text string) lint.Diagnostic {
		return lint.Diagnostic{Rule: rule, Start: start, End: end,
			Fix: &lint.Fix{Message: rule, Edits: []lint.Edit{ed(start, end, text)}}}
	}
	diags := []lint.Diagnostic{
		mk("zeta", 2, 6, "Z"),
		mk("alpha", 4, 8, "A"), // starts later, loses to zeta
		mk("beta", 2, 4, "B"),  // same start as zeta, earlier rule: wins
	}
	none := func([]byte) ([]lint.Diagnostic, error) { return nil, nil }
	var results []string
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 0, 2}, {1, 2, 0}} {
		in := make([]lint.Diagnostic, len(order))
		for i, j := range order {
			in[i] = diags[j]
		}
		saved := slices.Clone(in)
		res, err := Loop([]byte("0123456789"), in, none, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(in, saved, func(a, b lint.Diagnostic) bool { return a.Rule == b.Rule }) {
			t.Errorf("Loop reordered the caller's diagnostics")
		}
		results = append(results, string(res.Src))
	}
	// beta [2,4) wins, then zeta [2,6) and alpha [4,8) are checked:
	// zeta overlaps beta, alpha touches it.
	for _, got := range results {
		if got != "01BA89" {
			t.Errorf("results = %q, want all %q", results, "01BA89")
			break
		}
	}
}

func TestLoopRelintError(t *testing.T) {
	boom := errors.New("parser exploded")
	calls := 0
	relint := func(src []byte) ([]lint.Diagnostic, error) {
		calls++
		return nil, boom
	}
	first := mustLint(t, replacer("space", "  ", " ", lint.Safe), "a  b")
	res, err := Loop([]byte("a  b"), first, relint, nil, 0)
	if !errors.Is(err, boom) {
		t.Fatalf("error = %v, want it to wrap %v", err, boom)
	}
	if !strings.Contains(err.Error(), "pass 1") {
		t.Errorf("error %q does not say which pass failed", err)
	}
	if string(res.Src) != "a b" || res.Applied != 1 || res.Passes != 1 || res.Remaining != nil || res.Converged {
		t.Errorf("Result = %+v, want the fixed text, 1 fix, 1 pass, no diagnostics, not converged", res)
	}
	if calls != 1 {
		t.Errorf("relint called %d times, want 1", calls)
	}
}

func TestLoopNilRelint(t *testing.T) {
	res, err := Loop([]byte("x"), nil, nil, nil, 0)
	if err == nil {
		t.Fatal("Loop with a nil LintFunc returned no error")
	}
	if string(res.Src) != "x" {
		t.Errorf("Src = %q, want the input", res.Src)
	}
}

// The default pass limit applies when maxPasses is not positive.
func TestLoopDefaultMaxPasses(t *testing.T) {
	grow := func(src []byte) ([]lint.Diagnostic, error) {
		return []lint.Diagnostic{{Rule: "grow", Fix: &lint.Fix{Message: "grow", Edits: []lint.Edit{ed(len(src), len(src), "+")}}}}, nil
	}
	for _, limit := range []int{0, -3} {
		first, _ := grow(nil)
		res, err := Loop(nil, first, grow, nil, limit)
		if err != nil {
			t.Fatal(err)
		}
		if res.Passes != DefaultMaxPasses || res.Converged || len(res.Src) != DefaultMaxPasses {
			t.Errorf("maxPasses %d: Passes %d, Converged %v, len(Src) %d; want %d, false, %d",
				limit, res.Passes, res.Converged, len(res.Src), DefaultMaxPasses, DefaultMaxPasses)
		}
	}
}
