package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/gitchanges"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/progress"
	"github.com/copydesk/copydesk/read"
	"github.com/copydesk/copydesk/report"
	"github.com/spf13/cobra"
)

// commonFlags are shared by lint and fix.
type commonFlags struct {
	today         string
	config        string
	stdinFilename string
	format        string
	failLevel     string
	changedSince  string
	selectRules   []string
	ignoreRules   []string
	noIgnore      bool
	verbose       bool
	noCache       bool
	args          []string       // the paths given, for finding their config
	cmd           *cobra.Command // for warnings on its standard error
}

func (c *commonFlags) register(cmd *cobra.Command) {
	c.cmd = cmd
	cmd.Flags().StringVar(&c.config, "config", "", "config file (default: the nearest "+config.FileName+" from the linted paths' folders up)")
	cmd.Flags().StringVar(&c.stdinFilename, "stdin-filename", "", "with '-', the path the text on standard input stands for")
	cmd.Flags().StringVar(&c.failLevel, "fail-level", "warning", "lowest severity that makes the exit status 1: error, warning, info or none")
	cmd.Flags().StringVar(&c.changedSince, "changed-since", "", "only files changed since this git revision (committed, staged, unstaged or untracked); the rest are still read for the checks across articles")
	cmd.Flags().StringVar(&c.today, "today", "", "the date checks of future dates compare with, as YYYY-MM-DD (default: the current date), for reproducible runs")
	cmd.Flags().StringSliceVar(&c.selectRules, "select", nil, "run only these rules, by ID or category (--select names,repeated-word)")
	cmd.Flags().StringSliceVar(&c.ignoreRules, "ignore", nil, "turn these rules off, by ID or category (--ignore nbsp,links)")
	cmd.Flags().BoolVar(&c.noIgnore, "no-ignore", false, "in a git work tree, also read the files .gitignore, .git/info/exclude and the global excludes file ignore")
	cmd.Flags().BoolVarP(&c.verbose, "verbose", "v", false, "say on standard error which files were skipped and why (not articles, ignored by git, symbolic links)")
	_ = cmd.RegisterFlagCompletionFunc("fail-level", fixedCompletions("error", "warning", "info", "none"))
	// The config is found from the paths given, before RunE sets up.
	cmd.PreRun = func(_ *cobra.Command, args []string) { c.args = args }
}

// ignores is the git ignore filter of folder walks under these flags.
func (c *commonFlags) ignores(e *env) *ignoreFilter {
	f := &ignoreFilter{off: c.noIgnore, warn: e.stderr}
	if c.verbose {
		f.verbose = e.stderr
	}
	return f
}

// inputs selects what to lint and what else to read: the command-line
// paths (with --changed-since, only the changed files among them), and,
// when a rule compares articles with each other, the rest of the project
// as corpus-only inputs, read for those checks and not reported: the
// config's corpus globs, or without them every file its include globs
// select under the project root. A link from a file named alone to an
// article beside it is then not reported as broken. The fix command calls
// it too, so that what fix reports as left is what lint reports.
func (c *commonFlags) inputs(e *env, eng *engine.Engine, args []string) ([]engine.Input, []report.FileError, error) {
	if c.changedSince != "" && slices.Contains(args, "-") {
		return nil, nil, errors.New("--changed-since selects files in a git repository; it cannot be used with standard input ('-')")
	}
	known := &lint.KnownFiles{Files: map[string]bool{}}
	e.verbose = c.verbose
	ign := c.ignores(e)
	inputs, problems, err := collect(e, eng, args, c.stdinFilename, known, ign)
	if err != nil {
		return inputs, problems, err
	}
	if hasCorpusRules(eng.Registry) {
		bareStdin := len(args) == 1 && args[0] == "-" && c.stdinFilename == ""
		root, err := filepath.Abs(eng.Config.Dir)
		if err != nil {
			return nil, nil, fmt.Errorf("corpus: %w", err)
		}
		if len(eng.Config.Corpus) > 0 || !bareStdin && !walkedRoot(known, root) && !c.tooWide(e, eng.Config, root) {
			if inputs, err = addCorpus(eng.Config, inputs, known, ign); err != nil {
				return nil, nil, err
			}
		}
		if len(known.Roots) > 0 {
			eng.KnownFiles = known
		}
	}
	if c.changedSince == "" {
		return inputs, problems, nil
	}
	changed, err := gitchanges.Since(".", c.changedSince)
	if err != nil {
		return nil, nil, fmt.Errorf("--changed-since: %w", err)
	}
	set := gitchanges.NewSet(changed)
	corpus := hasCorpusRules(eng.Registry)
	out := inputs[:0]
	for _, in := range inputs {
		switch {
		case in.CorpusOnly:
			out = append(out, in)
		case set.Has(in.Path):
			out = append(out, in)
		case corpus:
			in.CorpusOnly = true
			out = append(out, in)
		}
	}
	return out, problems, nil
}

// addCorpus adds the archive (corpusMatcher) under the config's folder
// as corpus-only inputs, so that a run over a few changed files still
// resolves links against every article, and lists every file under that
// folder in known, for the rules that check links to images and other
// files. Files git ignores are not read (ign). Paths take the form of the
// other inputs: relative to the current folder, or absolute when an input
// is.
func addCorpus(cfg *config.Config, inputs []engine.Input, known *lint.KnownFiles, ign *ignoreFilter) ([]engine.Input, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	absolute := false
	seen := make(map[string]bool, len(inputs))
	for _, in := range inputs {
		absolute = absolute || filepath.IsAbs(in.Path)
		seen[absFrom(cwd, in.Path)] = true
	}
	root, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	shown := func(abs string) string {
		if !absolute {
			if rel, err := filepath.Rel(cwd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return rel
			}
		}
		return abs
	}
	known.Roots = append(known.Roots, filepath.ToSlash(shown(root)))
	match := corpusMatcher(cfg)
	keep := ign.keep(root)
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() {
				return fs.SkipDir
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
		path := shown(p)
		known.Files[filepath.ToSlash(path)] = true
		if !document.IsArticle(p) || seen[p] || !match(cfg.Rel(p)) || keep != nil && !keep(p) {
			return nil
		}
		inputs = append(inputs, engine.Input{Path: path, CorpusOnly: true})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	return inputs, nil
}

func hasCorpusRules(reg *lint.Registry) bool {
	for _, r := range reg.Rules() {
		if r.Corpus != nil {
			return true
		}
	}
	return false
}

// lintAll runs the engine, with a progress line on a terminal.
func lintAll(e *env, eng *engine.Engine, inputs []engine.Input) *engine.Result {
	if !e.progress {
		return eng.Lint(inputs)
	}
	m := progress.New(e.stderr, "linting")
	eng.Progress = m.Update
	defer func() { eng.Progress = nil }()
	res := eng.Lint(inputs)
	m.Finish()
	return res
}

// fixedCompletions completes a flag from a fixed list of values.
func fixedCompletions(values ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

func (c *commonFlags) failSeverity() (lint.Severity, error) {
	if c.failLevel == "none" {
		return lint.SeverityOff, nil
	}
	s, err := lint.ParseSeverity(c.failLevel)
	if err != nil || s == lint.SeverityOff {
		return 0, fmt.Errorf("--fail-level: want error, warning, info or none, got %q", c.failLevel)
	}
	return s, nil
}

// collect turns command-line paths into inputs: files as given, folders
// walked for articles the config selects, '-' read from standard input.
// Problems with single paths are returned; the rest go on. Every input has
// a distinct path: a file named twice (even once relative, once absolute)
// is read once, and text on standard input stands in for the file it is
// named after.
//
// known, when not nil, receives the folders walked and every regular file
// found under them, for the corpus rules that check links to files.
//
// Inside a git work tree, a folder walk leaves out the files git ignores
// (ign); files named on the command line are read whatever git says.
func collect(e *env, eng *engine.Engine, args []string, stdinName string, known *lint.KnownFiles, ign *ignoreFilter) ([]engine.Input, []report.FileError, error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	var inputs []engine.Input
	var problems []report.FileError
	problem := func(path string, msg string) {
		problems = append(problems, report.FileError{Path: path, Message: msg})
	}
	seen := map[string]bool{}
	skipped := map[string]bool{} // symbolic links reported with --verbose
	cwd, cwdErr := os.Getwd()
	key := func(p string) string {
		if cwdErr == nil {
			return absFrom(cwd, p)
		}
		return filepath.Clean(p)
	}
	stdinKey := ""
	for _, a := range args {
		if a == "-" && stdinName != "" {
			stdinKey = key(stdinName)
		}
	}
	add := func(p string) {
		k := key(p)
		if !seen[k] && k != stdinKey {
			seen[k] = true
			inputs = append(inputs, engine.Input{Path: filepath.Clean(p)})
		}
	}
	for _, a := range args {
		if a == "-" {
			if seen["-"] {
				continue
			}
			seen["-"] = true
			src, err := read.All(e.stdin, eng.Config.FileSizeLimit())
			if err != nil {
				return nil, nil, fmt.Errorf("read standard input: %w", err)
			}
			if stdinName == "" {
				// Plain text, as ruff reads Python: --stdin-filename names
				// a Markdown file or a place under the config's globs.
				inputs = append(inputs, engine.Input{Path: "-", Src: src, ConfigPath: "stdin.txt"})
				continue
			}
			inputs = append(inputs, engine.Input{Path: filepath.Clean(stdinName), Src: src, ConfigPath: stdinName})
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			problem(a, describe(err))
			continue
		}
		if !st.IsDir() {
			if eng.Config.Excluded(eng.Config.Rel(a)) {
				continue
			}
			if err := read.CheckRegular(st); err != nil {
				problem(a, err.Error())
				continue
			}
			add(a)
			continue
		}
		before := len(inputs)
		keep := ign.keep(a)
		if known != nil {
			known.Roots = append(known.Roots, filepath.ToSlash(filepath.Clean(a)))
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				problem(p, describe(err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if p != a && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
					return fs.SkipDir
				}
				return nil
			}
			if known != nil && d.Type().IsRegular() {
				known.Files[filepath.ToSlash(filepath.Clean(p))] = true
			}
			if d.Type()&fs.ModeSymlink != 0 && e.verbose && !skipped[key(p)] {
				// Walks do not follow links (a link can loop, or lead out
				// of the tree); named on the command line, a link is read.
				skipped[key(p)] = true
				fmt.Fprintf(e.stderr, "copydesk: skipped %s: a symbolic link; folder walks do not follow links (name it on the command line to lint it)\n", report.Printable(p))
			}
			if !d.Type().IsRegular() || !document.IsArticle(name) {
				return nil
			}
			if eng.Config.Selects(eng.Config.Rel(p)) && (keep == nil || keep(p)) {
				add(p)
			}
			return nil
		})
		if err != nil {
			problem(a, describe(err))
		}
		if len(inputs) == before {
			problem(a, "no articles here (looked for "+document.ArticleExtensions()+" files the config includes and git does not ignore)")
		}
	}
	sort.SliceStable(inputs, func(i, j int) bool { return inputs[i].Path < inputs[j].Path })
	return inputs, problems, nil
}

func describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// absFrom is filepath.Abs(p) with the working folder cwd already known:
// Abs asks the system for it on each call, two stat calls a file of a
// walk over thousands.
func absFrom(cwd, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	if runtime.GOOS == "windows" {
		// A path such as C:notes.md is relative to that drive's own
		// working folder, which only the system knows.
		if abs, err := filepath.Abs(p); err == nil {
			return abs
		}
	}
	return filepath.Join(cwd, p)
}
