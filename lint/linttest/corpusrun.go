package linttest

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
)

// CorpusOptions configure RunCorpusWith.
type CorpusOptions struct {
	// Today is the date "now" means; zero means 2026-01-01, so that
	// expectations about future dates do not change with the calendar.
	Today time.Time
}

// RunCorpus lints every article under dir (sub-folders included) in one
// run, as `copydesk lint DIR` does, so that corpus rules see them all, and
// checks each file's findings against its inline and sidecar expectations.
// A .copydesk.yaml in dir is used as the configuration. Fixed text is
// compared with NAME.golden and NAME.unsafe.golden as Run does; corpus
// rules' fixes come from the first pass, and the fixed corpus, linted
// again, must have nothing left to fix.
func RunCorpus(t *testing.T, dir string, rules ...*lint.Rule) {
	t.Helper()
	RunCorpusWith(t, dir, CorpusOptions{}, rules...)
}

// RunCorpusWith is RunCorpus with options.
func RunCorpusWith(t *testing.T, dir string, opts CorpusOptions, rules ...*lint.Rule) {
	t.Helper()
	reg, err := lint.NewRegistry(append(lint.Builtin(), rules...)...)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default(dir)
	if file := filepath.Join(dir, config.FileName); fileExists(file) {
		if cfg, err = config.Load(file, reg); err != nil {
			t.Fatal(err)
		}
	}
	today := opts.Today
	if today.IsZero() {
		today = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	eng := &engine.Engine{Registry: reg, Config: cfg, Workers: 1, Today: today}
	var inputs []engine.Input
	srcs := map[string][]byte{}
	// Every file under dir is known, as the command knows the files under
	// the folders it walks, for rules that check relative links.
	known := &lint.KnownFiles{Roots: []string{filepath.ToSlash(filepath.Clean(dir))}, Files: map[string]bool{}}
	eng.KnownFiles = known
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			known.Files[filepath.ToSlash(filepath.Clean(p))] = true
		}
		if err != nil || d.IsDir() || !document.IsArticle(p) {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		srcs[p] = src
		inputs = append(inputs, engine.Input{Path: p, Src: src})
		return nil
	})
	if err != nil {
		t.Fatalf("read testdata: %v", err)
	}
	if len(inputs) == 0 {
		t.Fatalf("no articles in %s", dir)
	}
	res := eng.Lint(inputs)
	fixed := map[string][]byte{}
	for _, f := range res.Files {
		name, _ := filepath.Rel(dir, f.Path)
		t.Run(filepath.ToSlash(name), func(t *testing.T) {
			if f.Err != nil {
				t.Fatalf("lint: %v", f.Err)
			}
			src := srcs[f.Path]
			wants := inlineWants(t, f.Path, src)
			wants = append(wants, sidecarWants(t, f.Path+".want")...)
			for _, d := range f.Diagnostics {
				line, col := f.Summary.Position(d.Start)
				if !match(wants, d, line, col) {
					t.Errorf("%s:%d:%d: unexpected finding [%s] %s", f.Path, line, col, d.Rule, d.Message)
				}
				checkFixable(t, reg, d, f.Path, line, col)
			}
			for _, w := range wants {
				if !w.met {
					t.Errorf("%s: expected [%s] matching %q at line %d, got none", w.where, w.rule, w.re, w.line)
				}
			}
			fixed[f.Path] = checkCorpusGoldens(t, eng, f, src)
		})
	}
	// The fixed corpus has nothing left to fix: a corpus rule's fix must
	// agree with what the same rule says of the fixed archive.
	var again []engine.Input
	for _, in := range inputs {
		src := fixed[in.Path]
		if src == nil {
			src = in.Src
		}
		again = append(again, engine.Input{Path: in.Path, Src: src})
	}
	for _, f := range eng.Lint(again).Files {
		for _, d := range f.Diagnostics {
			if d.Fix != nil && d.Fix.Applicability == lint.Safe {
				line, _ := f.Summary.Position(d.Start)
				t.Errorf("after fixing the corpus, %s:%d still has a safe fix: [%s] %s", f.Path, line, d.Rule, d.Message)
			}
		}
	}
}

// checkCorpusGoldens applies one file's fixes and compares them with its
// golden files; it returns the text with the safe fixes applied. The
// corpus as a whole is checked for idempotence by the caller.
func checkCorpusGoldens(t *testing.T, eng *engine.Engine, f *engine.FileResult, src []byte) []byte {
	t.Helper()
	relint := func(b []byte) ([]lint.Diagnostic, error) {
		return eng.LintSource(engine.Input{Path: f.Path, Src: b})
	}
	return checkGoldens(t, f.Path, src, f.Diagnostics, relint, false)
}

// CorpusFindings lints the given texts (path → content) as one corpus with
// rules under cfg (nil: the defaults) and returns the findings by path,
// sorted, for tests that build small corpora in code.
func CorpusFindings(t testing.TB, files map[string]string, cfg *config.Config, today time.Time, rules ...*lint.Rule) map[string][]lint.Diagnostic {
	t.Helper()
	reg, err := lint.NewRegistry(append(lint.Builtin(), rules...)...)
	if err != nil {
		t.Fatal(err)
	}
	if cfg == nil {
		cfg = config.Default(".")
	}
	eng := &engine.Engine{Registry: reg, Config: cfg, Workers: 1, Today: today}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var inputs []engine.Input
	for _, p := range paths {
		inputs = append(inputs, engine.Input{Path: p, Src: []byte(files[p])})
	}
	out := map[string][]lint.Diagnostic{}
	for _, f := range eng.Lint(inputs).Files {
		if f.Err != nil {
			t.Fatalf("%s: %v", f.Path, f.Err)
		}
		out[f.Path] = f.Diagnostics
	}
	return out
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}
