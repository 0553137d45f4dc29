package engine_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules"
)

// TestIndexLintAgreesWithEngine holds the index to the engine's answer:
// each sample article linted alone against the index of all of them gets
// exactly the findings a run over every article gives it.
func TestIndexLintAgreesWithEngine(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	var inputs []engine.Input
	for _, n := range names {
		if document.IsArticle(n) {
			inputs = append(inputs, engine.Input{Path: n})
		}
	}
	today := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	newEngine := func() *engine.Engine {
		return &engine.Engine{Registry: rules.Registry(), Config: config.Default(dir), Today: today}
	}
	files := map[string]bool{}
	for _, n := range names {
		files[n] = true
	}
	whole := newEngine()
	whole.KnownFiles = &lint.KnownFiles{Roots: []string{dir}, Files: files}
	want := map[string][]lint.Diagnostic{}
	for _, f := range whole.Lint(inputs).Files {
		want[f.Path] = f.Diagnostics
	}

	x := newEngine().NewIndex([]string{dir})
	for _, n := range names {
		x.SetKnown(n, true)
	}
	if failed := x.Add(inputs, nil); len(failed) > 0 {
		t.Fatalf("index: %v", failed[0].Err)
	}
	if x.Len() != len(inputs) {
		t.Fatalf("indexed %d articles, want %d", x.Len(), len(inputs))
	}
	corpusFindings := 0
	for _, in := range inputs {
		src, err := os.ReadFile(in.Path)
		if err != nil {
			t.Fatal(err)
		}
		got := x.Lint(engine.Input{Path: in.Path, Src: src})
		if !reflect.DeepEqual(got.Diagnostics, want[in.Path]) {
			t.Errorf("%s: index lint differs from the whole run:\n got %v\nwant %v", filepath.Base(in.Path), got.Diagnostics, want[in.Path])
		}
		for _, d := range got.Diagnostics {
			if r, _ := rules.Registry().Lookup(d.Rule); r != nil && r.Corpus != nil {
				corpusFindings++
			}
		}
	}
	if corpusFindings == 0 {
		t.Error("no finding of a rule across articles: the test would not see the index fail")
	}
}

// TestIndexUpdate: a text kept with Update stands for its file in later
// runs, until the file is indexed again.
func TestIndexUpdate(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.md")
	b := filepath.Join(dir, "b.md")
	eng := &engine.Engine{Registry: rules.Registry(), Config: config.Default(dir)}
	x := eng.NewIndex([]string{dir})
	if err := os.WriteFile(a, []byte("---\ntitle: A\ndate: 2025-01-01\n---\n\nSee [b](b.md).\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	x.Add([]engine.Input{{Path: a}}, nil)
	broken := func() bool {
		src, _ := os.ReadFile(a)
		for _, d := range x.Lint(engine.Input{Path: a, Src: src}).Diagnostics {
			if d.Rule == "link-broken" {
				return true
			}
		}
		return false
	}
	if !broken() {
		t.Fatal("a link to a missing file is not reported")
	}
	x.Update(engine.Input{Path: b, Src: []byte("---\ntitle: B\ndate: 2025-01-02\n---\n\nUnsaved.\n")})
	if broken() {
		t.Error("the kept text of b.md does not count")
	}
	x.Remove(b)
	if !broken() {
		t.Error("b.md still counts after Remove")
	}
}
