package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/baseline"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/filter"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/report"
	"github.com/spf13/cobra"
)

type lintFlags struct {
	commonFlags
	statistics    bool
	baseline      string
	writeBaseline string
}

func newLintCmd(e *env) *cobra.Command {
	var f lintFlags
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Report problems in articles (files or folders; default: the current folder)",
		Example: "  copydesk lint testdata/articles\n" +
			"  copydesk lint --format json news/ > report.json\n" +
			"  copydesk lint --changed-since origin/main\n" +
			"  copydesk lint --write-baseline .copydesk-baseline.json   # record today's problems\n" +
			"  copydesk lint --baseline .copydesk-baseline.json         # report only new ones\n" +
			"  cat draft.md | copydesk lint --stdin-filename news/draft.md -",
		RunE: func(cmd *cobra.Command, args []string) error { return runLint(e, &f, args) },
	}
	f.register(cmd)
	cmd.Flags().StringVar(&f.format, "format", "text", "output format: "+strings.Join(report.Formats(), ", "))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(report.Formats(), cobra.ShellCompDirectiveNoFileComp))
	cmd.Flags().BoolVar(&f.statistics, "statistics", false, "print the number of problems per rule instead of each one")
	cmd.Flags().StringVar(&f.baseline, "baseline", "", "report only problems that are not in this baseline file")
	cmd.Flags().StringVar(&f.writeBaseline, "write-baseline", "", "record every problem found in this baseline file, report nothing, and exit 0")
	registerNoCache(cmd, &f.commonFlags)
	_ = cmd.MarkFlagFilename("baseline", "json")
	_ = cmd.MarkFlagFilename("write-baseline", "json")
	return cmd
}

func runLint(e *env, f *lintFlags, args []string) error {
	formatter, err := pickFormatter(f.format, e, f.statistics)
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	fail, err := f.failSeverity()
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	switch {
	case f.baseline != "" && f.writeBaseline != "":
		return &exitCode{code: exitError, err: errors.New("--baseline and --write-baseline: choose one (--write-baseline records every problem found)")}
	case f.writeBaseline != "" && f.changedSince != "":
		return &exitCode{code: exitError, err: errors.New("--write-baseline with --changed-since would record only the changed files; record the whole archive instead")}
	}
	// The baseline is the last filter of every group's chain: one matcher
	// counts what it hid and what no longer matches over the whole run.
	var match *baseline.Matcher
	if f.baseline != "" {
		base, err := baseline.Read(f.baseline)
		if err != nil {
			return &exitCode{code: exitError, err: err}
		}
		match = base.Matcher()
	}
	// Paths under different configs are linted one config at a time, each
	// with its own project as the corpus, into one report.
	groups, err := f.configGroups()
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	var eng *engine.Engine
	var problems []report.FileError
	res := &engine.Result{}
	for _, group := range groups {
		f.args = group
		g, err := f.setup()
		if err != nil {
			return &exitCode{code: exitError, err: err}
		}
		if match != nil {
			g.Filters = append(filter.Default(g.Registry, g.Config), match.Step)
		}
		// A baseline matches findings by the words around them; a report
		// needs no more of the texts than its format prints.
		if match == nil && f.writeBaseline == "" {
			g.Keep = report.Keeps(formatter)
		}
		inputs, probs, err := f.inputs(e, g, group)
		if err != nil {
			return &exitCode{code: exitError, err: err}
		}
		for _, p := range probs {
			fmt.Fprintf(e.stderr, "copydesk: %s: %s\n", report.Printable(p.Path), report.Printable(p.Message))
		}
		problems = append(problems, probs...)
		cache := f.contextCache(e, g, inputs)
		r := lintAll(e, g, inputs)
		cache.Done(runSucceeded(r, len(probs)))
		res.Files = append(res.Files, r.Files...)
		res.Skipped = append(res.Skipped, r.Skipped...)
		res.Notes = append(res.Notes, r.Notes...)
		res.RunErrors = append(res.RunErrors, r.RunErrors...)
		if eng == nil {
			eng = g
		}
	}
	if len(groups) > 1 {
		sort.SliceStable(res.Files, func(i, j int) bool { return res.Files[i].Path < res.Files[j].Path })
		sort.SliceStable(res.Skipped, func(i, j int) bool { return res.Skipped[i].Path < res.Skipped[j].Path })
	}
	reportSkipped(e.stderr, res, f.verbose)
	if f.verbose {
		for _, n := range res.Notes {
			fmt.Fprintf(e.stderr, "copydesk: note: %s\n", report.Printable(n))
		}
	}
	runFailed := printRunErrors(e, res)
	if f.writeBaseline != "" {
		return writeBaseline(e, f.writeBaseline, res, len(problems) > 0 || runFailed)
	}
	rep := newReport(eng, res)
	if _, ok := formatter.(report.Text); ok {
		// Every error on standard error, one line a file; standard output
		// keeps the findings and the summary.
		for _, fe := range rep.Failed {
			fmt.Fprintf(e.stderr, "copydesk: %s: %s\n", report.Printable(fe.Path), report.Printable(fe.Message))
		}
	} else {
		// Programs reading the other formats learn of bad paths only from them.
		rep.Failed = append(problems, rep.Failed...)
	}
	if _, ok := formatter.(report.SARIF); ok {
		if n := report.SARIFCapped(rep); n > 0 {
			fmt.Fprintf(e.stderr, "copydesk: %d findings; the SARIF report lists the %d most severe, the most GitHub code scanning accepts in a run (%d left out)\n",
				len(rep.Diagnostics), report.SARIFMaxResults, n)
		}
	}
	_, text := formatter.(report.Text)
	// Nothing linted and something failed: a text summary would read "No
	// problems found in 0 files." beside the failure.
	if !text || rep.Files > len(rep.Failed) || len(problems)+len(rep.Failed) == 0 {
		if err := formatter.Format(e.stdout, rep); err != nil {
			return &exitCode{code: exitError, err: fmt.Errorf("write report: %w", err)}
		}
	}
	if match != nil {
		// The text report's summary goes on; other formats keep standard
		// output to themselves.
		w := e.stderr
		if _, ok := formatter.(report.Text); ok {
			w = e.stdout
		}
		fmt.Fprint(w, baselineSummary(f.baseline, match.Outcome()))
	}
	return exitFor(rep, fail, len(problems) > 0 || runFailed)
}

// printRunErrors writes the failures of the run as a whole (a corpus rule
// that failed, which names itself) on standard error, whatever the
// format: they belong to no file of the report. It reports whether there
// were any.
func printRunErrors(e *env, res *engine.Result) bool {
	for _, err := range res.RunErrors {
		fmt.Fprintf(e.stderr, "copydesk: %s\n", report.Printable(err.Error()))
	}
	return len(res.RunErrors) > 0
}

func writeBaseline(e *env, file string, res *engine.Result, pathProblems bool) error {
	b, err := baseline.Record(filepath.Dir(file), res)
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	if err := b.Write(file); err != nil {
		return &exitCode{code: exitError, err: err}
	}
	failed := res.Errors()
	for _, fr := range failed {
		fmt.Fprintf(e.stderr, "copydesk: %s: %v (not in the baseline)\n", fr.Path, fr.Err)
	}
	fmt.Fprintf(e.stderr, "Recorded %s in %s in %s. Lint with --baseline %s to see only new ones.\n",
		count(b.Problems(), "problem"), count(b.Files(), "file"), file, file)
	if pathProblems || len(failed) > 0 {
		return &exitCode{code: exitError}
	}
	return nil
}

func baselineSummary(file string, o baseline.Outcome) string {
	var b strings.Builder
	if o.Hidden > 0 {
		fmt.Fprintf(&b, "%s recorded in the baseline %s not shown.\n", count(o.Hidden, "problem"), file)
	}
	if n := o.FixedCount(); n > 0 {
		entries := "baseline entries no longer match"
		if n == 1 {
			entries = "baseline entry no longer matches"
		}
		fmt.Fprintf(&b, "%d %s: fixed. Run `copydesk lint --write-baseline %s` to update the baseline.\n", n, entries, file)
	}
	return b.String()
}

func pickFormatter(name string, e *env, statistics bool) (report.Formatter, error) {
	if name == "" {
		name = "text"
	}
	f, err := report.ByName(name, report.Options{Color: e.color, Statistics: statistics, OmitFailures: true})
	if err != nil {
		return nil, fmt.Errorf("--format: %w", err)
	}
	return f, nil
}

// newReport fills in what every format may need besides the findings: the
// rule set (SARIF lists every rule) and the repository root (SARIF and
// GitHub paths are relative to it).
func newReport(eng *engine.Engine, res *engine.Result) *report.Report {
	rep := report.New(report.Tool{Name: "copydesk", Version: version}, res)
	rep.Rules = eng.Registry.Rules()
	rep.Root = repoRoot()
	return rep
}

// repoRoot is the git work tree's top, or GITHUB_WORKSPACE in Actions, or
// the current folder.
func repoRoot() string {
	if ws := os.Getenv("GITHUB_WORKSPACE"); ws != "" {
		return ws
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// exitFor: 2 when a path or file could not be linted, else 1 when a problem
// is at or above the fail level, else 0.
func exitFor(rep *report.Report, fail lint.Severity, pathProblems bool) error {
	if pathProblems || len(rep.Failed) > 0 {
		return &exitCode{code: exitError}
	}
	if fail == lint.SeverityOff {
		return nil
	}
	for i := range rep.Diagnostics {
		if rep.Diagnostics[i].Severity >= fail {
			return &exitCode{code: exitProblems}
		}
	}
	return nil
}
