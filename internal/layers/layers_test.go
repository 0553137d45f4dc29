// Package layers holds the test that keeps the stages' dependencies one
// way: read → document → parse → lint → config → filter → engine → report,
// with rules, fixers and the commands above them.
package layers

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const mod = "github.com/copydesk/copydesk/"

// allowed lists, for each stage, every package of this module it may
// depend on, directly or not. A new edge is a design decision: add it here
// with the reason in the commit.
var allowed = map[string][]string{
	"document":  {"dates", "internal/wire"},
	"read":      {"dates", "document", "internal/wire"},
	"parse":     {"dates", "document", "internal/wire", "read", "internal/mdx", "internal/gfm"},
	"lint":      {"dates", "document", "internal/wire"},
	"config":    {"dates", "document", "internal/wire", "read", "parse", "internal/mdx", "internal/gfm", "lint"},
	"filter":    {"dates", "document", "internal/wire", "read", "parse", "internal/mdx", "internal/gfm", "lint", "config"},
	"engine":    {"dates", "document", "internal/wire", "read", "parse", "internal/mdx", "internal/gfm", "lint", "config", "filter"},
	"diskcache": {"dates", "document", "internal/wire", "read", "parse", "internal/mdx", "internal/gfm", "lint", "config", "filter", "engine"},
	"report":    {"dates", "document", "internal/wire", "read", "parse", "internal/mdx", "internal/gfm", "lint", "config", "filter", "engine"},
}

// imports reads the module packages a package's non-test files import.
// Parsing (not `go list`) keeps the test honest under the test cache: the
// files it opens are what the cache checks.
func imports(t *testing.T, root, pkg string) []string {
	ents, err := os.ReadDir(filepath.Join(root, pkg))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(root, pkg, e.Name()), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if d, own := strings.CutPrefix(p, mod); own && !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	return out
}

func TestStagesDependOneWay(t *testing.T) {
	root := filepath.Join("..", "..")
	for pkg, ok := range allowed {
		seen := map[string]bool{}
		todo := []string{pkg}
		for len(todo) > 0 {
			p := todo[0]
			todo = todo[1:]
			for _, d := range imports(t, root, p) {
				if seen[d] {
					continue
				}
				seen[d] = true
				if !slices.Contains(ok, d) {
					t.Errorf("%s depends on %s (through %s), which the stages' order does not allow", pkg, d, p)
				}
				todo = append(todo, d)
			}
		}
	}
}
