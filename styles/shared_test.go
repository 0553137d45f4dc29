package styles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sharedStyles = "../../shared/styles"

// TestSharedPackages loads the four real Vale packages in ../shared: every
// rule compiles and none is skipped.
func TestSharedPackages(t *testing.T) {
	if _, err := os.Stat(sharedStyles); err != nil {
		t.Skip("../shared/styles is absent; the real Vale packages are not here to load")
	}
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
