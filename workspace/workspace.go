// Package workspace keeps an archive of articles in memory for the
// commands that stay running (the language server and the web page): it
// finds the articles under some folders, indexes them once for the rules
// that compare articles, and lints one text at a time against them.
package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"
)

// Workspace is an engine, its configuration, and the index of an archive.
type Workspace struct {
	Engine *engine.Engine
	Index  *engine.Index
	Roots  []string // absolute folders
}

// Options say how to open a workspace.
type Options struct {
	Registry *lint.Registry
	// ConfigFile is the config to load; "" means look for .copydesk.yaml
	// from the first root up, and use the defaults when there is none.
	ConfigFile string
	Today      time.Time
	// Styles loads the house styles a config names; with nil, a styles:
	// section loads no rules.
	Styles config.StyleLoader
}

// LoadConfig returns the configuration for roots: the named file, the
// nearest .copydesk.yaml from the first root up, or the defaults, and the
// registry it runs (opt.Registry with the house styles it names). The
// error names the file and what is wrong in it.
func LoadConfig(opt Options, roots []string) (*config.Config, *lint.Registry, error) {
	file := opt.ConfigFile
	dir := "."
	if len(roots) > 0 {
		dir = roots[0]
	}
	if file == "" {
		found, err := config.Find(dir)
		if err != nil {
			return nil, nil, err
		}
		file = found
	}
	if file == "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, nil, fmt.Errorf("workspace: %w", err)
		}
		return config.Default(abs), opt.Registry, nil
	}
	if opt.Styles != nil {
		return config.LoadStyles(file, opt.Registry, opt.Styles)
	}
	cfg, err := config.Load(file, opt.Registry)
	return cfg, opt.Registry, err
}

// New returns an empty workspace over roots (made absolute) with cfg.
func New(reg *lint.Registry, cfg *config.Config, roots []string, today time.Time) (*Workspace, error) {
	abs := make([]string, 0, len(roots))
	for _, r := range roots {
		a, err := filepath.Abs(r)
		if err != nil {
			return nil, fmt.Errorf("workspace: %w", err)
		}
		abs = append(abs, a)
	}
	eng := &engine.Engine{Registry: reg, Config: cfg, Today: today}
	slashed := make([]string, len(abs))
	for i, a := range abs {
		slashed[i] = filepath.ToSlash(a)
	}
	return &Workspace{Engine: eng, Index: eng.NewIndex(slashed), Roots: abs}, nil
}

// Scan lists the articles under the roots that belong to the archive
// (the config's include and exclude, and its corpus globs), and every
// other regular file, whose existence the link rules check. Folders
// starting with a dot, node_modules and vendor are skipped, as lint does.
func (w *Workspace) Scan() (articles []string, others []string, err error) {
	var errs []error
	for _, root := range w.Roots {
		werr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() && p != root {
					return fs.SkipDir
				}
				if p == root {
					return err
				}
				return nil
			}
			if d.IsDir() {
				name := d.Name()
				if p != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			if w.IsArticle(p) {
				articles = append(articles, p)
			} else {
				others = append(others, p)
			}
			return nil
		})
		if werr != nil {
			errs = append(errs, fmt.Errorf("read %s: %w", root, werr))
		}
	}
	return articles, others, errors.Join(errs...)
}

// IsArticle reports whether the file at the absolute path p is one of the
// archive's articles.
func (w *Workspace) IsArticle(p string) bool {
	if !document.IsArticle(p) || !w.under(p) {
		return false
	}
	cfg := w.Engine.Config
	rel := cfg.Rel(p)
	if cfg.Excluded(rel) {
		return false
	}
	if cfg.Selects(rel) {
		return true
	}
	for _, g := range cfg.Corpus {
		if config.MatchGlob(g, rel) {
			return true
		}
	}
	return false
}

func (w *Workspace) under(p string) bool {
	for _, r := range w.Roots {
		if p == r || strings.HasPrefix(p, r+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// Build scans the roots and indexes every article, calling progress as
// files are read. It returns the number of articles indexed and the
// files that could not be read, as one error.
func (w *Workspace) Build(progress func(done, total int)) (int, error) {
	articles, others, err := w.Scan()
	for _, p := range others {
		w.Index.SetKnown(filepath.ToSlash(p), true)
	}
	inputs := make([]engine.Input, len(articles))
	for i, p := range articles {
		inputs[i] = engine.Input{Path: p}
	}
	failed := w.Index.Add(inputs, progress)
	var errs []error
	if err != nil {
		errs = append(errs, err)
	}
	for _, f := range failed {
		errs = append(errs, fmt.Errorf("%s: %w", f.Path, f.Err))
	}
	return len(articles) - len(failed), errors.Join(errs...)
}

// Fix applies the safe fixes (and the unsafe ones when unsafe is set) to
// in's text until nothing more changes, the fix command's loop, and lints
// the result against the archive. first holds in's findings when the
// caller has them; nil means lint first.
func (w *Workspace) Fix(in engine.Input, first []lint.Diagnostic, unsafe bool) (fixed []byte, remaining *engine.FileResult, err error) {
	if first == nil {
		f := w.Index.Lint(in)
		if f.Err != nil && f.Summary == nil {
			return nil, nil, f.Err
		}
		first = f.Diagnostics
	}
	want := func(d lint.Diagnostic) bool {
		return d.Fix != nil && (d.Fix.Applicability == lint.Safe || unsafe)
	}
	relint := func(src []byte) ([]lint.Diagnostic, error) {
		return w.Engine.LintSource(engine.Input{Path: in.Path, Src: src, ConfigPath: in.ConfigPath})
	}
	res, err := fixers.Loop(in.Src, first, relint, want, fixers.DefaultMaxPasses)
	if err != nil {
		return nil, nil, err
	}
	after := in
	after.Src = res.Src
	return res.Src, w.Index.Lint(after), nil
}
