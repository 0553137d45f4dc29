package engine_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/namevariant"
)

// Each engine keeps the index of its own glossary: two engines in one
// process, side by side or one after the other on a configuration
// edited in between, never see each other's names (a cache in the rule's
// package, keyed by the configuration, did).
func TestGlossaryPerEngine(t *testing.T) {
	src := []byte("Title\n\nThe Harbour City Museum hosted the Lakeside Uni rowing team.\n")
	museum := []lint.NameEntry{{Name: "Harbor City Museum", Variants: []string{"Harbour City Museum"}}}
	lakeside := []lint.NameEntry{{Name: "Lakeside University", Variants: []string{"Lakeside Uni"}}}
	reg, err := lint.NewRegistry(append(lint.Builtin(), namevariant.Rule)...)
	if err != nil {
		t.Fatal(err)
	}
	newEngine := func(cfg *config.Config) *engine.Engine { return &engine.Engine{Registry: reg, Config: cfg} }
	withNames := func(ns []lint.NameEntry) *config.Config {
		cfg := config.Default(".")
		cfg.Names = ns
		return cfg
	}
	found := func(e *engine.Engine) string {
		ds, err := e.LintSource(engine.Input{Path: "a.txt", Src: src})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range ds {
			got = append(got, string(src[d.Start:d.End]))
		}
		return strings.Join(got, "|")
	}
	const wantMuseum, wantLakeside = "Harbour City Museum", "Lakeside Uni"

	t.Run("side by side", func(t *testing.T) {
		engines := []*engine.Engine{newEngine(withNames(museum)), newEngine(withNames(lakeside))}
		want := []string{wantMuseum, wantLakeside}
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Go(func() {
				if got := found(engines[i%2]); got != want[i%2] {
					t.Errorf("engine %d found %q, want %q", i%2, got, want[i%2])
				}
			})
		}
		wg.Wait()
	})

	t.Run("configuration edited between engines", func(t *testing.T) {
		cfg := withNames(museum)
		if got := found(newEngine(cfg)); got != wantMuseum {
			t.Fatalf("first engine found %q, want %q", got, wantMuseum)
		}
		cfg.Names = lakeside // as many entries: a cache checking the count is fooled
		if got := found(newEngine(cfg)); got != wantLakeside {
			t.Errorf("second engine found %q, want %q", got, wantLakeside)
		}
	})

	t.Run("lint and index", func(t *testing.T) {
		e := newEngine(withNames(lakeside))
		res := e.Lint([]engine.Input{{Path: "a.txt", Src: src}})
		x := e.NewIndex([]string{"."})
		f := x.Lint(engine.Input{Path: "a.txt", Src: src})
		for _, ds := range [][]lint.Diagnostic{res.Diagnostics(), f.Diagnostics} {
			if len(ds) != 1 || string(src[ds[0].Start:ds[0].End]) != wantLakeside {
				t.Errorf("findings %v, want one at %q", ds, wantLakeside)
			}
		}
	})
}
