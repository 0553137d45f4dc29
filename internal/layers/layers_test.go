// Package layers holds the test that keeps the stages' dependencies one
// way: read → document → parse → lint → config → engine → report, with
// rules, fixers and the commands above them.
package layers

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const mod = "github.com/copydesk/copydesk/"

// allowed lists, for each stage, every package of this module it may
// depend on (directly or not). A new edge is a design decision: add it
// here with the reason in the commit.
var allowed = map[string][]string{
	"document": {"dates"},
	"read":     {"dates", "document"},
	"parse":    {"dates", "document", "read", "internal/mdx"},
	"lint":     {"dates", "document"},
	"config":   {"dates", "document", "read", "parse", "internal/mdx", "lint"},
	"engine":   {"dates", "document", "read", "parse", "internal/mdx", "lint", "config"},
	"report":   {"dates", "document", "read", "parse", "internal/mdx", "lint", "config", "engine"},
}

func TestStagesDependOneWay(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH; this test asks it for the import graph")
	}
	for pkg, ok := range allowed {
		out, err := exec.Command("go", "list", "-deps", mod+pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			d, own := strings.CutPrefix(dep, mod)
			if !own || d == pkg {
				continue
			}
			if !slices.Contains(ok, d) {
				t.Errorf("%s depends on %s, which the stages' order does not allow", pkg, d)
			}
		}
	}
}
