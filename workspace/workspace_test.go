package workspace

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules"
	"github.com/copydesk/copydesk/styles"
)

func TestScanAndBuild(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		".copydesk.yaml":          "version: 1\ninclude: [\"news/**\"]\nexclude: [\"news/drafts/**\"]\ncorpus: [\"archive/**\"]\n",
		"news/a.md":               "---\ntitle: A\ndate: 2025-01-01\n---\n\nThe the pier reopens.\n",
		"news/drafts/b.md":        "---\ntitle: B\n---\n\nDraft.\n",
		"archive/old.txt":         "Old\n\nDate: 2001-01-01\n\nOld news.\n",
		"notes/c.md":              "Not in the archive.\n",
		"news/photo.jpg":          "jpeg",
		".git/x.md":               "hidden\n",
		"node_modules/pkg/doc.md": "vendored\n",
	}
	writeTree(t, dir, files)
	reg := rules.Registry()
	cfg, reg, err := LoadConfig(Options{Registry: reg}, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	ws, err := New(reg, cfg, []string{dir}, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	n, err := ws.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ws.Index.Paths() {
		rel, _ := filepath.Rel(dir, p)
		got = append(got, filepath.ToSlash(rel))
	}
	if want := []string{"archive/old.txt", "news/a.md"}; n != 2 || !slices.Equal(got, want) {
		t.Errorf("indexed %d: %v, want %v", n, got, want)
	}
	// A fix goes through the fix loop and comes back linted.
	a := filepath.Join(dir, "news", "a.md")
	src, _ := os.ReadFile(a)
	fixed, remaining, err := ws.Fix(engine.Input{Path: a, Src: src}, nil, false)
	if err != nil || string(fixed) != "---\ntitle: A\ndate: 2025-01-01\n---\n\nThe pier reopens.\n" || len(remaining.Diagnostics) != 0 {
		t.Errorf("fix: %q %v %v", fixed, remaining.Diagnostics, err)
	}
	// A broken config is an error naming the file.
	if err := os.WriteFile(filepath.Join(dir, ".copydesk.yaml"), []byte("rules:\n  no-such-rule: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadConfig(Options{Registry: reg}, []string{dir}); err == nil {
		t.Error("a config naming an unknown rule loaded")
	}
}

// TestLoadConfigStyles: a workspace whose config names a house style runs
// its rules, as the command line does.
func TestLoadConfigStyles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"styles/House/Utilize.yml": "extends: existence\nmessage: \"Use 'use', not '%s'.\"\nlevel: warning\ntokens:\n  - utilize\n",
		".copydesk.yaml":           "styles:\n  path: styles\n  use: [House]\n",
		"news/a.md":                "---\ntitle: Ferry\ndate: 2025-01-01\n---\n\nCrews utilize the new ramp.\n",
	}
	writeTree(t, dir, files)
	load := func(d string, names, _ []string) ([]*lint.Rule, error) {
		set, err := styles.Load(d, names)
		if err != nil {
			return nil, err
		}
		return set.Rules(), nil
	}
	cfg, reg, err := LoadConfig(Options{Registry: rules.Registry(), Styles: load}, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := reg.Lookup("House.Utilize"); !ok {
		t.Fatal("the registry lacks House.Utilize")
	}
	ws, err := New(reg, cfg, []string{dir}, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Build(nil); err != nil {
		t.Fatal(err)
	}
	a := filepath.Join(dir, "news", "a.md")
	src, _ := os.ReadFile(a)
	res := ws.Index.Lint(engine.Input{Path: a, Src: src})
	var got []string
	for _, d := range res.Diagnostics {
		got = append(got, d.Rule)
	}
	if !slices.Contains(got, "House.Utilize") {
		t.Errorf("findings %v, want House.Utilize", got)
	}
}

// writeTree writes files (slash-separated names under dir).
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
