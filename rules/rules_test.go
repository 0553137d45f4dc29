package rules

import (
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
	}
	for _, id := range []string{"repeated-word", "trailing-whitespace", "blank-lines", "nbsp"} {
		if _, ok := reg.Lookup(id); !ok {
			t.Errorf("rule %s missing", id)
		}
	}
}
