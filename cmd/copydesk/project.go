package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/gitchanges"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/read"
	"github.com/copydesk/copydesk/report"
	"github.com/copydesk/copydesk/rules"
)

// What a run reads, beyond the paths it is given: the config, found from
// the linted paths' folders upward as git, ruff and prettier find theirs;
// the project root (the config's folder, else the git work tree's top,
// else the current folder); and, without a `corpus:` setting, every
// article of the project, read for the checks across articles only. A hook
// that passes one staged file then resolves its links against the whole
// archive with no setting at all.

// setup loads the registry and the config of the paths given, and applies
// --select, --ignore and --today.
func (c *commonFlags) setup() (*engine.Engine, error) {
	reg := rules.Registry()
	starts := c.startDirs()
	file := c.config
	if file == "" {
		found, err := configFor(starts)
		if err != nil {
			return nil, err
		}
		file = found
	}
	var cfg *config.Config
	if file == "" {
		cfg = config.Default(projectRoot(starts[0].dir))
	} else {
		var err error
		stderr := io.Discard
		if c.cmd != nil {
			stderr = c.cmd.ErrOrStderr()
		}
		if cfg, reg, err = loadConfig(file, reg, stderr); err != nil {
			return nil, err
		}
	}
	if err := c.disableRules(cfg, reg); err != nil {
		return nil, err
	}
	eng := &engine.Engine{Registry: reg, Config: cfg, SkipNonArticles: true}
	if c.today != "" {
		day, err := time.Parse("2006-01-02", c.today)
		if err != nil {
			return nil, fmt.Errorf("--today: want a date as YYYY-MM-DD, got %q", c.today)
		}
		eng.Today = day
	}
	return eng, nil
}

// startDir is a path given on the command line and the folder the config
// search starts from for it.
type startDir struct{ arg, dir string }

// startDirs: a folder starts at itself, a file (or a missing path) at its
// folder, standard input at its --stdin-filename's folder or the current
// one; no path at all is the current folder.
func (c *commonFlags) startDirs() []startDir {
	if len(c.args) == 0 {
		return []startDir{{".", "."}}
	}
	out := make([]startDir, 0, len(c.args))
	for _, a := range c.args {
		switch {
		case a == "-" && c.stdinFilename != "":
			out = append(out, startDir{a, filepath.Dir(c.stdinFilename)})
		case a == "-":
			out = append(out, startDir{a, "."})
		default:
			if st, err := os.Stat(a); err == nil && st.IsDir() {
				out = append(out, startDir{a, a})
			} else {
				out = append(out, startDir{a, filepath.Dir(a)})
			}
		}
	}
	return out
}

// configGroups splits the paths given by the config each is under, in the
// order first given; one group when --config names the config or when all
// share one.
func (c *commonFlags) configGroups() ([][]string, error) {
	if c.config != "" || len(c.args) < 2 {
		return [][]string{c.args}, nil
	}
	byDir := map[string]string{}
	index := map[string]int{}
	var groups [][]string
	for _, s := range c.startDirs() {
		f, ok := byDir[s.dir]
		if !ok {
			var err error
			if f, err = config.Find(s.dir); err != nil {
				return nil, err
			}
			byDir[s.dir] = f
		}
		i, ok := index[f]
		if !ok {
			i = len(groups)
			index[f] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], s.arg)
	}
	return groups, nil
}

// configFor finds the config of every path given; they must share one,
// since an engine has one config (lint splits the paths first).
func configFor(starts []startDir) (string, error) {
	byDir := map[string]string{}
	found, first := "", ""
	for i, s := range starts {
		f, ok := byDir[s.dir]
		if !ok {
			var err error
			if f, err = config.Find(s.dir); err != nil {
				return "", err
			}
			byDir[s.dir] = f
		}
		if i == 0 {
			found, first = f, s.arg
			continue
		}
		if f != found {
			name := func(f string) string {
				if f == "" {
					return "no config"
				}
				return f
			}
			return "", fmt.Errorf("%s and %s are under different configs (%s, %s): lint them in separate runs, or name one with --config",
				first, s.arg, name(found), name(f))
		}
	}
	return found, nil
}

// projectRoot is where a run without a config file looks for the rest of
// the archive: the git work tree's top, else the current folder, else
// (for a path outside the current folder) the path's own folder.
func projectRoot(dir string) string {
	if top := gitchanges.WorkTree(dir); top != "" {
		return top
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "."
	}
	cwd, err := os.Getwd()
	if err != nil || !within(abs, cwd) {
		return abs
	}
	return cwd
}

// tooWide: with no config and no git work tree, the project root falls
// back to the current folder; when that is the home folder or the file
// system's root, reading every article under it for the checks across
// articles would read a whole disk, so only the paths given are read.
func (c *commonFlags) tooWide(e *env, cfg *config.Config, root string) bool {
	if cfg.File != "" || gitchanges.WorkTree(root) != "" {
		return false
	}
	home, _ := os.UserHomeDir()
	if root != filepath.Dir(root) && (home == "" || root != filepath.Clean(home)) {
		return false
	}
	if c.verbose {
		fmt.Fprintf(e.stderr, "copydesk: not reading the rest of %s for the checks across articles: add a %s to the project's folder\n", root, config.FileName)
	}
	return true
}

// within reports whether the absolute path p is dir or lies under it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// disableRules turns --select and --ignore into rules off for every file.
// Both take rule IDs and category names (--select names).
func (c *commonFlags) disableRules(cfg *config.Config, reg *lint.Registry) error {
	if len(c.selectRules) == 0 && len(c.ignoreRules) == 0 {
		return nil
	}
	disabled := map[string]bool{}
	if len(c.selectRules) > 0 {
		selected, err := ruleSet(reg, "--select", c.selectRules)
		if err != nil {
			return err
		}
		for _, r := range reg.Rules() {
			if !selected[r.ID] {
				disabled[r.ID] = true
			}
		}
	}
	ignored, err := ruleSet(reg, "--ignore", c.ignoreRules)
	if err != nil {
		return err
	}
	for id := range ignored {
		disabled[id] = true
	}
	cfg.Disabled = disabled
	return nil
}

// ruleSet expands rule IDs and category names into rule IDs.
func ruleSet(reg *lint.Registry, flag string, names []string) (map[string]bool, error) {
	set := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if r, ok := reg.Lookup(n); ok {
			set[r.ID] = true
			continue
		}
		matched := false
		var known []string
		for _, r := range reg.Rules() {
			if r.Category == n {
				set[r.ID] = true
				matched = true
			}
			known = append(known, r.ID, r.Category)
		}
		if !matched {
			msg := fmt.Sprintf("%s: no rule or category is called %q", flag, n)
			best, dist := "", 4
			for _, k := range known {
				if d := config.EditDistance(n, k); d < dist {
					best, dist = k, d
				}
			}
			if best != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", best)
			}
			return nil, fmt.Errorf("%s; `copydesk rules` lists them", msg)
		}
	}
	return set, nil
}

// ignoreFilter keeps out of folder walks the files git ignores.
type ignoreFilter struct {
	off     bool      // --no-ignore
	verbose io.Writer // nil unless --verbose
	warn    io.Writer // where a failure to ask git is said once
	warned  bool
}

// keep returns, for a folder about to be walked, whether a file found
// under it (as the walk spells it) is to be read: inside a git work tree,
// only the files git does not ignore; everywhere else, every file. nil
// means every file.
func (g *ignoreFilter) keep(root string) func(p string) bool {
	if g == nil || g.off || gitchanges.WorkTree(root) == "" {
		return nil
	}
	paths, err := gitchanges.NotIgnored(root)
	if err != nil {
		if !g.warned && g.warn != nil {
			fmt.Fprintf(g.warn, "copydesk: %v; reading every file (--no-ignore)\n", err)
			g.warned = true
		}
		return nil
	}
	set := make(map[string]bool, len(paths))
	for _, p := range paths {
		set[p] = true
	}
	keep := func(p string) bool {
		rel, err := filepath.Rel(root, p)
		if err != nil || set[filepath.ToSlash(rel)] {
			return true
		}
		if g.verbose != nil {
			fmt.Fprintf(g.verbose, "copydesk: skipped %s: ignored by git (.gitignore, .git/info/exclude or the global excludes file; --no-ignore reads it)\n", report.Printable(p))
		}
		return false
	}
	return keep
}

// reportSkipped prints why files that are not articles were left out: a
// markup copydesk does not read always (it was named, and is not linted),
// the others with --verbose.
func reportSkipped(w io.Writer, res *engine.Result, verbose bool) {
	for _, f := range res.Skipped {
		if verbose || read.NotArticleFormat(f.Path) != "" && !f.CorpusOnly() {
			fmt.Fprintf(w, "copydesk: skipped %s: %s\n", report.Printable(f.Path), f.Skipped)
		}
	}
}

// corpusMatcher says which files under the project root are read for the
// checks across articles: the config's corpus globs when it names any,
// else every file the config's include globs select.
func corpusMatcher(cfg *config.Config) func(rel string) bool {
	if len(cfg.Corpus) == 0 {
		return cfg.Selects
	}
	return func(rel string) bool {
		if cfg.Excluded(rel) {
			return false
		}
		return slices.ContainsFunc(cfg.Corpus, func(g string) bool { return config.MatchGlob(g, rel) })
	}
}

// walkedRoot reports whether one of the folders walked for the paths given
// is the project root or holds it, so that the corpus walk would find
// nothing new.
func walkedRoot(known *lint.KnownFiles, root string) bool {
	for _, r := range known.Roots {
		abs, err := filepath.Abs(filepath.FromSlash(r))
		if err == nil && within(root, abs) {
			return true
		}
	}
	return false
}
