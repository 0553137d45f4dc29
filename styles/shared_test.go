package styles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir finds ../shared (the real Vale packages and docs sites) in
// the nearest folder above that has one; "" when none does.
func sharedDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if st, err := os.Stat(filepath.Join(dir, "shared", "styles")); err == nil && st.IsDir() {
			return filepath.Join(dir, "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// TestSharedPackages loads the four real Vale packages in ../shared: every
// rule compiles and none is skipped.
func TestSharedPackages(t *testing.T) {
	shared := sharedDir()
	if shared == "" {
		t.Skip("../shared/styles is absent; the real Vale packages are not here to load")
	}
	sharedStyles := filepath.Join(shared, "styles")
	set, err := Load(sharedStyles, []string{"Microsoft", "write-good", "proselint", "alex"})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range set.Warnings() {
		if !strings.Contains(w, "does not run") {
			t.Errorf("unexpected warning: %s", w)
		}
	}
	files, _ := filepath.Glob(filepath.Join(sharedStyles, "*", "*.yml"))
	if got := len(set.Rules()) + len(set.Warnings()); got != len(files) {
		t.Errorf("%d rules and %d skipped, want %d files", len(set.Rules()), len(set.Warnings()), len(files))
	}
}
