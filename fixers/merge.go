// Package fixers merges the edits of suggested fixes, runs the fix loop,
// renders unified diffs and writes files safely.
package fixers

import (
	"fmt"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/copydesk/copydesk/lint"
)

// Normalize checks that f can be applied to src on its own and returns its
// edits sorted by Start. Ties are broken by End so that an insertion at p
// comes before a replacement starting at p, which is the order Apply needs;
// otherwise the sort is stable.
//
// The error names the fix by its message and the edits by their 1-based
// position in f.Edits, because it is meant for whoever wrote the rule.
func Normalize(src []byte, f lint.Fix) ([]lint.Edit, error) {
	if len(f.Edits) == 0 {
		// A fix that changes nothing is a rule bug; accepting it would
		// let the fix loop report a fix as applied when nothing happened.
		return nil, fmt.Errorf("fix %q has no edits", f.Message)
	}
	for i, e := range f.Edits {
		if why := checkEdit(src, e); why != "" {
			return nil, fmt.Errorf("fix %q: edit %d [%d,%d) %s", f.Message, i+1, e.Start, e.End, why)
		}
	}

	// Sort positions rather than edits so errors can still name edits by
	// where the rule put them.
	order := make([]int, len(f.Edits))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return editLess(f.Edits[order[a]], f.Edits[order[b]])
	})
	for k := 1; k < len(order); k++ {
		i, j := order[k-1], order[k]
		a, b := f.Edits[i], f.Edits[j]
		if i > j {
			i, j = j, i
		}
		switch {
		case isInsert(a) && isInsert(b) && a.Start == b.Start:
			// Two insertions at one offset have no defined order.
			return nil, fmt.Errorf("fix %q: edits %d and %d both insert at offset %d", f.Message, i+1, j+1, a.Start)
		case b.Start < a.End:
			ea, eb := f.Edits[i], f.Edits[j]
			return nil, fmt.Errorf("fix %q: edits %d [%d,%d) and %d [%d,%d) overlap", f.Message, i+1, ea.Start, ea.End, j+1, eb.Start, eb.End)
		}
	}

	edits := make([]lint.Edit, len(order))
	for k, i := range order {
		edits[k] = f.Edits[i]
	}
	return edits, nil
}

// checkEdit returns why e cannot apply to src, as the end of a sentence
// that starts with the edit's name, or "" if it can.
func checkEdit(src []byte, e lint.Edit) string {
	switch {
	case e.Start > e.End:
		return "ends before it starts"
	case e.Start < 0 || e.End > len(src):
		return fmt.Sprintf("is outside the text, which is %d bytes long", len(src))
	}
	for _, off := range [2]int{e.Start, e.End} {
		if splitsRune(src, off) {
			return fmt.Sprintf("splits a UTF-8 character at offset %d", off)
		}
	}
	return ""
}

// splitsRune reports whether off falls inside a valid multi-byte UTF-8
// sequence. A continuation byte alone is not enough: in text with stray
// bytes (say, Latin-1 pasted into UTF-8), a fix must be able to cut next to
// them, or to replace them, without being rejected.
func splitsRune(src []byte, off int) bool {
	if off <= 0 || off >= len(src) || utf8.RuneStart(src[off]) {
		return false
	}
	for k := off - 1; k >= 0 && k >= off-(utf8.UTFMax-1); k-- {
		if utf8.RuneStart(src[k]) {
			_, size := utf8.DecodeRune(src[k:])
			return k+size > off
		}
	}
	return false
}

func isInsert(e lint.Edit) bool { return e.Start == e.End }

func editLess(a, b lint.Edit) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.End < b.End
}

// conflicts reports whether two different edits cannot both be applied.
// (Identical edits are two rules agreeing; probe deduplicates them.) Edits
// that only touch, [a,b) and [b,c) or an insertion at either end of a
// range, do not conflict: both apply, an insertion going before a range
// that starts at the same offset.
func conflicts(a, b lint.Edit) bool {
	if isInsert(a) && isInsert(b) {
		return a.Start == b.Start
	}
	// For an insertion at p this is b.Start < p < b.End, i.e. strictly
	// inside the other range, so a single test covers both cases.
	return a.Start < b.End && b.Start < a.End
}

// Merge combines fixes, considered in the order given, into one sorted list
// of non-overlapping edits. Like the checker in golang.org/x/tools/go/analysis,
// it is greedy: a fix is accepted only if it is valid (see Normalize) and none
// of its edits conflicts with an edit already accepted; otherwise the whole
// fix is dropped, since applying part of a fix could leave the text worse than
// applying none of it. Identical edits from different fixes are applied once.
//
// accepted holds the indices into fixes of the fixes that were kept, in
// increasing order. Call Normalize on a dropped fix to learn whether it was
// invalid; a valid dropped fix conflicted with an earlier one and may apply
// cleanly on the next pass of Loop.
func Merge(src []byte, fixes []lint.Fix) (edits []lint.Edit, accepted []int) {
	for i, f := range fixes {
		norm, err := Normalize(src, f)
		if err != nil {
			continue
		}
		fresh := make([]lint.Edit, 0, len(norm))
		ok := true
		for _, e := range norm {
			dup, bad := probe(edits, e)
			if bad {
				ok = false
				break
			}
			if !dup {
				fresh = append(fresh, e)
			}
		}
		if !ok {
			continue
		}
		for _, e := range fresh {
			at, _ := slices.BinarySearchFunc(edits, e, compareEdits)
			edits = slices.Insert(edits, at, e)
		}
		accepted = append(accepted, i)
	}
	return edits, accepted
}

// probe reports whether e already occurs in the sorted, non-overlapping list
// edits, and whether it conflicts with any of them.
func probe(edits []lint.Edit, e lint.Edit) (dup, conflict bool) {
	// Accepted edits never overlap, so their ends are sorted too and the
	// only candidates are the run whose ranges reach e at either side.
	lo := sort.Search(len(edits), func(i int) bool { return edits[i].End >= e.Start })
	for i := lo; i < len(edits) && edits[i].Start <= e.End; i++ {
		if edits[i] == e {
			dup = true
		} else if conflicts(edits[i], e) {
			return false, true
		}
	}
	return dup, false
}

func compareEdits(a, b lint.Edit) int {
	switch {
	case editLess(a, b):
		return -1
	case editLess(b, a):
		return 1
	}
	return 0
}

// Apply returns a new buffer holding src with edits applied. The edits must
// be sorted and non-overlapping, as Merge and Normalize return them. Apply
// does not trust that: an edit that is out of range or starts before the
// previous one ended is skipped rather than allowed to panic, so a caller's
// bug shows up as a wrong diff instead of a crash.
func Apply(src []byte, edits []lint.Edit) []byte {
	size := len(src)
	for _, e := range edits {
		// Only in-range edits count, so hostile offsets cannot overflow
		// the size into a huge or negative allocation.
		if 0 <= e.Start && e.Start <= e.End && e.End <= len(src) {
			size += len(e.NewText) - (e.End - e.Start)
		}
	}
	out := make([]byte, 0, max(size, 0))
	last := 0
	for _, e := range edits {
		if e.Start < last || e.Start > e.End || e.End > len(src) {
			continue
		}
		out = append(out, src[last:e.Start]...)
		out = append(out, e.NewText...)
		last = e.End
	}
	return append(out, src[last:]...)
}

// noChange reports whether every edit Apply would make writes the bytes
// it replaces, so that Apply would return src's bytes: the loop's last
// pass then makes no copy of a long text to find it unchanged. (Edits
// that change the text and undo each other are found by comparing.)
func noChange(src []byte, edits []lint.Edit) bool {
	last := 0
	for _, e := range edits {
		if e.Start < last || e.Start > e.End || e.End > len(src) {
			continue // as Apply skips it
		}
		if string(src[e.Start:e.End]) != e.NewText {
			return false
		}
		last = e.End
	}
	return true
}
