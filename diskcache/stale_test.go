package diskcache

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestRemoveStaleTemps: a killed run's temporary file goes once it is old;
// a run's file being written now, the cache itself and other files stay.
func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	files := map[string]time.Duration{
		FileName:                 -48 * time.Hour,
		FileName + ".123456":     -2 * time.Hour, // left by a killed run
		FileName + ".654321":     -time.Minute,   // another run writing now
		"notes.txt":              -48 * time.Hour,
		"context.binary.old.txt": -48 * time.Hour,
	}
	for name, age := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, now.Add(age), now.Add(age)); err != nil {
			t.Fatal(err)
		}
	}
	removeStaleTemps(dir, now)
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range ents {
		left = append(left, e.Name())
	}
	want := []string{FileName, FileName + ".654321", "context.binary.old.txt", "notes.txt"}
	slices.Sort(want)
	if !slices.Equal(left, want) {
		t.Errorf("left %v, want %v", left, want)
	}
}
