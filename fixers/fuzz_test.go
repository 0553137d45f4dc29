package fixers

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
)

// fuzzFixes turns fuzz bytes into fixes over a text of n bytes. Offsets are
// mostly in range so that many fixes are valid and conflicts are common;
// a few are deliberately bad to exercise Normalize.
func fuzzFixes(n int, data []byte) []lint.Fix {
	texts := []string{"", "x", " ", "é", "ab", "\n"}
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return int(b)
	}
	var fixes []lint.Fix
	for len(data) > 0 && len(fixes) < 32 {
		f := lint.Fix{Message: "fix"}
		for range next() % 4 {
			start := next() % (n + 1)
			end := start + next()%6
			switch next() % 16 {
			case 0:
				start, end = end, start // reversed
			case 1:
				end = n + 1 + next()%3 // past the end
			case 2:
				start = -1 - next()%3 // before the start
			}
			f.Edits = append(f.Edits, lint.Edit{Start: start, End: end, NewText: texts[next()%len(texts)]})
		}
		fixes = append(fixes, f)
	}
	return fixes
}

// refConflict restates the conflict rule independently of merge.go.
func refConflict(a, b lint.Edit) bool {
	switch {
	case a == b:
		return false
	case a.Start == a.End && b.Start == b.End:
		return a.Start == b.Start
	case a.Start == a.End:
		return b.Start < a.Start && a.Start < b.End
	case b.Start == b.End:
		return a.Start < b.Start && b.Start < a.End
	}
	return a.Start < b.End && b.Start < a.End
}

// spliceFromEnd applies edits the slow, obviously correct way: sort, drop
// duplicates, and splice from the last edit backwards so that earlier
// offsets stay valid.
func spliceFromEnd(src []byte, edits []lint.Edit) []byte {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, compareEdits)
	edits = slices.Compact(edits)
	out := slices.Clone(src)
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		out = slices.Concat(out[:e.Start:e.Start], []byte(e.NewText), out[e.End:])
	}
	return out
}

func FuzzMerge(f *testing.F) {
	f.Add("the the cat sat", []byte{2, 4, 3, 0, 1, 1, 4, 0, 1, 2, 0, 4, 1, 0})
	f.Add("0123456789", []byte{1, 3, 2, 0, 1, 1, 3, 0, 0, 2, 3, 4, 1, 0, 0, 7, 3, 0, 2})
	f.Add("café  au lait", []byte{1, 4, 1, 0, 0, 1, 5, 0, 0, 0, 3, 3, 0, 2, 3, 2, 9, 1, 1, 0})
	f.Add("", []byte{1, 0, 0, 0, 1, 1, 0, 0, 0, 2})
	f.Add("aaaa", []byte{3, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0})
	f.Add("\xff\x80abc", []byte{1, 1, 2, 0, 0, 1, 0, 3, 0, 0})
	f.Fuzz(func(t *testing.T, src string, data []byte) {
		text := []byte(src)
		fixes := fuzzFixes(len(text), data)
		edits, accepted := Merge(text, fixes)

		for i, e := range edits {
			if e.Start < 0 || e.Start > e.End || e.End > len(text) {
				t.Fatalf("edit %d %v out of range for %d bytes", i, e, len(text))
			}
			if i == 0 {
				continue
			}
			p := edits[i-1]
			if p.End > e.Start || p == e || (p.Start == p.End && e.Start == e.End && p.Start == e.Start) {
				t.Fatalf("edits %v and %v are unsorted, overlapping or duplicated", p, e)
			}
		}
		if !slices.IsSorted(accepted) || len(slices.Compact(slices.Clone(accepted))) != len(accepted) {
			t.Fatalf("accepted %v not strictly increasing", accepted)
		}

		// Every accepted edit is in the output and nothing else is.
		var acceptedEdits []lint.Edit
		for _, i := range accepted {
			if i < 0 || i >= len(fixes) {
				t.Fatalf("accepted index %d out of range", i)
			}
			if _, err := Normalize(text, fixes[i]); err != nil {
				t.Fatalf("accepted fix %d is invalid: %v", i, err)
			}
			acceptedEdits = append(acceptedEdits, fixes[i].Edits...)
		}
		for _, e := range acceptedEdits {
			if !slices.Contains(edits, e) {
				t.Fatalf("edit %v of an accepted fix is missing from %v", e, edits)
			}
		}
		for _, e := range edits {
			if !slices.Contains(acceptedEdits, e) {
				t.Fatalf("edit %v does not come from an accepted fix", e)
			}
		}

		// Merge is greedy: a valid fix is dropped only for conflicting with
		// a fix accepted before it.
		for i, fx := range fixes {
			if slices.Contains(accepted, i) {
				continue
			}
			if _, err := Normalize(text, fx); err != nil {
				continue
			}
			found := false
			for _, j := range accepted {
				if j > i {
					break
				}
				for _, a := range fixes[j].Edits {
					for _, b := range fx.Edits {
						found = found || refConflict(a, b)
					}
				}
			}
			if !found {
				t.Fatalf("valid fix %d %v was dropped without a conflict (accepted %v)", i, fx.Edits, accepted)
			}
		}

		got := Apply(text, edits)
		want := spliceFromEnd(text, acceptedEdits)
		if !bytes.Equal(got, want) {
			t.Fatalf("Apply = %q, splicing from the end gives %q\nedits %v", got, want, edits)
		}
		if src != string(text) {
			t.Fatalf("Merge or Apply modified the source")
		}
	})
}

// toyLint reports every double space and every "aa", each with a fix that
// deletes one character. Matches overlap in runs, so Merge drops some and
// the loop needs several passes.
func toyLint(src []byte) ([]lint.Diagnostic, error) {
	var diags []lint.Diagnostic
	for i := 0; i+1 < len(src); i++ {
		var rule, repl string
		switch {
		case src[i] == ' ' && src[i+1] == ' ':
			rule, repl = "double-space", " "
		case src[i] == 'a' && src[i+1] == 'a':
			rule, repl = "double-a", "a"
		default:
			continue
		}
		diags = append(diags, lint.Diagnostic{
			Rule: rule, Start: i, End: i + 2,
			Fix: &lint.Fix{Message: "Collapse", Edits: []lint.Edit{{Start: i, End: i + 2, NewText: repl}}},
		})
	}
	return diags, nil
}

// squeeze is what the toy rules converge to: runs of spaces and of 'a'
// collapsed to one.
func squeeze(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] && (s[i] == ' ' || s[i] == 'a') {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func FuzzLoop(f *testing.F) {
	f.Add("plain text")
	f.Add("a  b   c    d")
	f.Add("aaaa  aaa a  a")
	f.Add("café  au  laaait\n\n  ")
	f.Add(strings.Repeat(" ", 40) + strings.Repeat("a", 17))
	f.Add("")
	f.Add("  \x97") // a stray continuation byte must not block the fix next to it
	f.Fuzz(func(t *testing.T, src string) {
		first, _ := toyLint([]byte(src))
		// 3 makes long runs run out of passes; 64 never does.
		for _, limit := range []int{0, 3, 64} {
			res, err := Loop([]byte(src), first, toyLint, nil, limit)
			if err != nil {
				t.Fatal(err)
			}
			bound := limit
			if bound == 0 {
				bound = DefaultMaxPasses
			}
			if res.Passes > bound || res.Applied < res.Passes {
				t.Fatalf("limit %d: Passes %d, Applied %d", limit, res.Passes, res.Applied)
			}
			// Each fix deletes exactly one byte and no two are identical.
			if len(res.Src) != len(src)-res.Applied {
				t.Fatalf("limit %d: %d bytes -> %d after %d fixes", limit, len(src), len(res.Src), res.Applied)
			}
			hasPattern := strings.Contains(string(res.Src), "  ") || strings.Contains(string(res.Src), "aa")
			if !res.Converged {
				// Each pass halves every run, so 64 passes always suffice.
				if limit == 64 || res.Passes != bound || !hasPattern {
					t.Fatalf("limit %d: not converged after %d passes, text %q", limit, res.Passes, res.Src)
				}
				continue
			}
			if hasPattern || len(res.Remaining) != 0 {
				t.Fatalf("limit %d: converged but %q still has %d diagnostics", limit, res.Src, len(res.Remaining))
			}
			if want := squeeze(src); string(res.Src) != want {
				t.Fatalf("limit %d: Src = %q, want %q", limit, res.Src, want)
			}
			again, err := Loop(res.Src, res.Remaining, toyLint, nil, limit)
			if err != nil {
				t.Fatal(err)
			}
			if again.Applied != 0 || again.Passes != 0 || !again.Converged || !bytes.Equal(again.Src, res.Src) {
				t.Fatalf("second loop on converged text: %+v", again)
			}
		}
	})
}
