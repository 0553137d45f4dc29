package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestRegistry validates the shipped rule set: IDs, docs and options.
func TestRegistry(t *testing.T) {
	reg := Registry()
	if len(reg.Rules()) != len(All()) {
		t.Fatalf("registry has %d rules, All returns %d", len(reg.Rules()), len(All()))
	}
	for _, r := range reg.Rules() {
		if r.Doc.Right == "" {
			t.Errorf("%s: doc has no right example", r.ID)
		}
		if (r.Fixable != 0) != (r.Doc.Fix != "") {
			t.Errorf("%s: Fixable=%v but Doc.Fix=%q", r.ID, r.Fixable, r.Doc.Fix)
		}
		if r.Doc.Fix != "" && !strings.HasPrefix(r.Doc.Fix, "Safe") && !strings.HasPrefix(r.Doc.Fix, "Unsafe") {
			t.Errorf("%s: Doc.Fix should start with Safe or Unsafe: %q", r.ID, r.Doc.Fix)
		}
		// A rule made by go run ./internal/cmd/newrule starts with TODO
		// text that Validate accepts; it is not done until it is replaced.
		for _, f := range []string{r.Doc.Title, r.Doc.Why, r.Doc.Wrong, r.Doc.Right, r.Doc.Fix} {
			if strings.Contains(f, "TODO") {
				t.Errorf("%s: doc still holds the scaffold's TODO text: %q", r.ID, f)
			}
		}
	}
	// newrule inserts in order, and names the package after the ID.
	var pkgs []string
	for _, r := range All() {
		if !r.Builtin {
			pkgs = append(pkgs, strings.ReplaceAll(r.ID, "-", ""))
		}
	}
	if !slices.IsSorted(pkgs) {
		t.Errorf("All() is not sorted by package: %v", pkgs)
	}
	for _, id := range []string{"repeated-word", "trailing-whitespace", "blank-lines", "nbsp"} {
		if _, ok := reg.Lookup(id); !ok {
			t.Errorf("rule %s missing", id)
		}
	}
}
