package main

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules"
)

// TestFileCacheAgrees: the cache on disk, used by the engine as lint uses
// it, gives the findings of a run without it for files the checks across
// articles report on: cold, warm, after a context article changed, after
// one was deleted, and under another configuration.
func TestFileCacheAgrees(t *testing.T) {
	dir := tempDir(t)
	t.Setenv("COPYDESK_CACHE_DIR", tempDir(t))
	if _, _, err := corpusgen.WriteDir(dir, corpusgen.Options{Bytes: 300 << 10, Seed: 7, MarkdownShare: 0.3, DefectRate: 3}); err != nil {
		t.Fatal(err)
	}
	var paths []string
	old := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		paths = append(paths, p)
		return os.Chtimes(p, old, old) // out of the racy window
	})
	if err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	newEngine := func(cfg *config.Config) *engine.Engine {
		return &engine.Engine{Registry: rules.Registry(), Config: cfg, Today: today, SkipNonArticles: true}
	}
	inputsFor := func(reported string) []engine.Input {
		var in []engine.Input
		for _, p := range paths {
			if _, err := os.Stat(p); err == nil {
				in = append(in, engine.Input{Path: p, CorpusOnly: reported != "" && p != reported})
			}
		}
		return in
	}
	// The files to report: those the checks across articles find
	// something in when the whole archive is linted.
	cfg := config.Default(dir)
	var reported []string
	for _, f := range newEngine(cfg).Lint(inputsFor("")).Files {
		for _, d := range f.Diagnostics {
			if r, ok := rules.Registry().Lookup(d.Rule); ok && r.Corpus != nil {
				reported = append(reported, f.Path)
				break
			}
		}
	}
	if len(reported) < 3 {
		t.Fatalf("%d files with findings across articles; the test needs 3", len(reported))
	}
	reported = reported[:3]

	// agree lints each reported file with the cache and without, and
	// checks the findings are the same and how many files the cache gave.
	agree := func(t *testing.T, cfg *config.Config, wantHits func(i, contexts int) int) {
		t.Helper()
		for i, rep := range reported {
			in := inputsFor(rep)
			want := newEngine(cfg).Lint(in)
			eng := newEngine(cfg)
			fc := new(commonFlags).contextCache(&env{stderr: io.Discard}, eng, in)
			if fc == nil {
				t.Fatal("no cache")
			}
			got := eng.Lint(in)
			fc.Done(true)
			if !reflect.DeepEqual(got.Diagnostics(), want.Diagnostics()) {
				t.Errorf("%s: with the cache:\n%v\nwithout:\n%v", rep, got.Diagnostics(), want.Diagnostics())
			}
			if !reflect.DeepEqual(got.Notes, want.Notes) {
				t.Errorf("%s: notes with the cache %v, without %v", rep, got.Notes, want.Notes)
			}
			if len(want.Diagnostics()) == 0 {
				t.Errorf("%s: no findings: the test would not see a difference", rep)
			}
			if h := wantHits(i, len(in)-1); fc.Hits() != h {
				t.Errorf("%s: %d files from the cache, want %d", rep, fc.Hits(), h)
			}
		}
	}
	t.Run("cold, then warm", func(t *testing.T) {
		// The first run fills the cache but for the file it reports,
		// which the second reads (and keeps the entry of the file it
		// reports); each after that finds every file.
		agree(t, cfg, func(i, n int) int { return [...]int{0, n - 1, n}[i] })
		agree(t, cfg, func(_, n int) int { return n })
	})
	t.Run("a context article changed", func(t *testing.T) {
		// Another title: the links to it by title break, and its names go.
		var edited string
		for _, p := range paths {
			if strings.HasSuffix(p, ".txt") && !strings.Contains(strings.Join(reported, " "), p) {
				edited = p
				break
			}
		}
		b, err := os.ReadFile(edited)
		if err != nil {
			t.Fatal(err)
		}
		first, rest, _ := strings.Cut(string(b), "\n")
		if err := os.WriteFile(edited, []byte(strings.ToUpper(first)+" Revisited\n"+rest), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(edited, old.Add(time.Minute), old.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		agree(t, cfg, func(i, n int) int { return [...]int{n - 1, n, n}[i] })
	})
	t.Run("a context article deleted", func(t *testing.T) {
		if err := os.Remove(paths[len(paths)-1]); err != nil {
			t.Fatal(err)
		}
		agree(t, cfg, func(_, n int) int { return n })
	})
	t.Run("another configuration", func(t *testing.T) {
		other := config.Default(dir)
		other.Rules = map[string]config.RuleConfig{"name-consistency": {Options: map[string]any{"min-count": 5}}}
		other.Project = lint.Project{Dates: lint.DatesConfig{Undated: []string{"2019/**"}}}
		agree(t, other, func(i, n int) int { return [...]int{0, n - 1, n}[i] })
		agree(t, other, func(_, n int) int { return n })
	})
}
