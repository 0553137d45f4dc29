package fixers

import (
	"bytes"
	"errors"
	"fmt"
	"sort"

	"github.com/copydesk/copydesk/lint"
)

// DefaultMaxPasses bounds Loop when the caller gives no limit. Fixes that
// only ever shrink or settle the text converge in a few passes; more than
// this usually means two rules undo each other.
const DefaultMaxPasses = 10

// A LintFunc lints one document's text and returns its diagnostics, with
// offsets into src.
type LintFunc func(src []byte) ([]lint.Diagnostic, error)

// Result is the outcome of Loop.
type Result struct {
	// Src is the text after every applied pass.
	Src []byte
	// Applied counts the fixes applied over all passes.
	Applied int
	// Passes counts the passes that changed the text, which is also the
	// number of times relint was called.
	Passes int
	// Remaining holds the diagnostics for Src: first if no pass changed
	// anything, otherwise the last relint's.
	Remaining []lint.Diagnostic
	// Converged reports that no wanted fix in Remaining would change Src.
	// It is false when Loop stopped because it ran out of passes.
	Converged bool
}

// Loop applies fixes until the text stops changing. Each pass takes the
// diagnostics that have a fix and for which want returns true, orders them
// by Start and then Rule so the outcome does not depend on the order rules
// ran in, merges their fixes with Merge, applies the result and relints it.
// Fixes dropped for conflicting usually reappear, re-anchored, next pass.
//
// first holds the diagnostics already computed for src, which must all be
// for this document. They may include ones relint cannot reproduce (rules
// that look across documents); such fixes are applied in the first pass
// only, and those diagnostics are gone from Remaining after any change.
//
// Line breaks the fixes insert are written with src's own line ending
// when all its line breaks are alike (LF, CRLF or CR alone).
//
// A pass whose accepted fixes would leave the bytes unchanged counts as no
// progress, so a rule that "fixes" text into itself cannot spin the loop.
// maxPasses <= 0 means DefaultMaxPasses. A nil want takes every fix.
//
// If relint fails, Loop returns the error together with a Result whose Src
// includes the pass just applied and whose Remaining is nil, because the
// previous diagnostics' offsets no longer fit Src.
func Loop(src []byte, first []lint.Diagnostic, relint LintFunc, want func(lint.Diagnostic) bool, maxPasses int) (Result, error) {
	if relint == nil {
		return Result{Src: src, Remaining: first}, errors.New("fix loop: no lint function to recheck fixed text")
	}
	if maxPasses <= 0 {
		maxPasses = DefaultMaxPasses
	}
	res := Result{Src: src, Remaining: first}
	nl := lineEnding(src)
	for {
		fixes := wanted(res.Remaining, want)
		edits, accepted := Merge(res.Src, fixes)
		if len(accepted) == 0 {
			res.Converged = true
			return res, nil
		}
		edits = withLineEnding(edits, nl)
		if noChange(res.Src, edits) {
			res.Converged = true
			return res, nil
		}
		next := Apply(res.Src, edits)
		if bytes.Equal(next, res.Src) {
			res.Converged = true
			return res, nil
		}
		if res.Passes == maxPasses {
			return res, nil
		}
		res.Src = next
		res.Applied += len(accepted)
		res.Passes++
		diags, err := relint(next)
		if err != nil {
			res.Remaining = nil
			return res, fmt.Errorf("fix loop: lint after pass %d: %w", res.Passes, err)
		}
		res.Remaining = diags
	}
}

// wanted returns the fixes to try, in the order Merge should consider them.
// It sorts a copy because the caller's slice may be shared.
func wanted(diags []lint.Diagnostic, want func(lint.Diagnostic) bool) []lint.Fix {
	picked := make([]lint.Diagnostic, 0, len(diags))
	for _, d := range diags {
		if d.Fix != nil && (want == nil || want(d)) {
			picked = append(picked, d)
		}
	}
	sort.SliceStable(picked, func(i, j int) bool {
		if picked[i].Start != picked[j].Start {
			return picked[i].Start < picked[j].Start
		}
		return picked[i].Rule < picked[j].Rule
	})
	fixes := make([]lint.Fix, len(picked))
	for i, d := range picked {
		fixes[i] = *d.Fix
	}
	return fixes
}
