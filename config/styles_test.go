package config

import (
	"slices"
	"strings"
	"testing"
)

// TestStylesSection: path, use and vocab, and an unknown key named with
// the known ones.
func TestStylesSection(t *testing.T) {
	reg := testRegistry(t)
	c, err := parseConfig([]byte("styles:\n  path: house\n  use: [Gazette, Vale]\n  vocab: [Harbor, Ferries]\n"), "c.yaml", reg, true)
	if err != nil {
		t.Fatal(err)
	}
	if c.Styles.Path != "house" || !slices.Equal(c.Styles.Use, []string{"Gazette", "Vale"}) || !slices.Equal(c.Styles.Vocab, []string{"Harbor", "Ferries"}) {
		t.Errorf("styles = %+v", *c.Styles)
	}
	_, err = parseConfig([]byte("styles:\n  use: [Gazette]\n  vocabulary: [Harbor]\n"), "c.yaml", reg, true)
	if err == nil || !strings.Contains(err.Error(), `c.yaml:3: styles: unknown key "vocabulary" (known: path, use, vocab)`) {
		t.Errorf("unknown key: %v", err)
	}
}
