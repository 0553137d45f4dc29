package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules"
)

// TestAddCorpus: with `corpus:` set, the archive is added as corpus-only
// inputs (the file already given is not added twice) and every file under
// the config's folder, images included, is known.
func TestAddCorpus(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cfgFile := write(".copydesk.yaml", "version: 1\ncorpus: [\"news/**\"]\nexclude: [\"news/drafts/**\"]\n")
	a := write("news/a.md", "# A\n")
	write("news/2025/b.md", "# B\n")
	write("news/drafts/c.md", "# C\n")
	write("news/img/map.png", "PNG")
	write("other/d.md", "# D\n")
	cfg, err := config.Load(cfgFile, rules.Registry())
	if err != nil {
		t.Fatal(err)
	}
	known := &lint.KnownFiles{Files: map[string]bool{}}
	inputs, err := addCorpus(cfg, []engine.Input{{Path: a}}, known, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, in := range inputs[1:] {
		if !in.CorpusOnly {
			t.Errorf("%s: corpus input not marked CorpusOnly", in.Path)
		}
		got[in.Path] = true
	}
	if len(got) != 1 || !got[filepath.Join(dir, "news", "2025", "b.md")] {
		t.Errorf("corpus inputs = %v, want only news/2025/b.md", got)
	}
	for _, name := range []string{"news/img/map.png", "news/a.md", "other/d.md"} {
		if p := filepath.ToSlash(filepath.Join(dir, name)); !known.Has(p) || !known.Covers(p) {
			t.Errorf("%s: not known", p)
		}
	}
	if known.Covers("/elsewhere/x.png") {
		t.Error("a path outside the config's folder is covered")
	}
}
