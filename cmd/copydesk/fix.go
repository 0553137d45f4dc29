package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/report"
	"github.com/spf13/cobra"
)

type fixFlags struct {
	commonFlags
	unsafe bool
	diff   bool
	check  bool
}

func newFixCmd(e *env) *cobra.Command {
	var f fixFlags
	cmd := &cobra.Command{
		Use:   "fix [PATH...]",
		Short: "Apply safe fixes (and unsafe ones with --unsafe), then report what is left",
		Example: "  copydesk fix --diff testdata/articles\n" +
			"  copydesk fix --unsafe news/\n" +
			"  cat draft.md | copydesk fix --stdin-filename news/draft.md - > fixed.md",
		RunE: func(cmd *cobra.Command, args []string) error { return runFix(e, &f, args) },
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&f.unsafe, "unsafe", false, "also apply fixes that need a person's eye")
	cmd.Flags().BoolVar(&f.diff, "diff", false, "print a unified diff of the fixes and write nothing")
	cmd.Flags().BoolVar(&f.check, "check", false, "write nothing; exit 1 if any file would change")
	return cmd
}

// fileStates remembers what each file looked like when read, so that a
// file edited by someone else during the run is not overwritten.
type fileStates struct {
	mu sync.Mutex
	m  map[string]fixers.FileState
}

func (s *fileStates) read(path string) ([]byte, error) {
	data, st, err := fixers.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.m[path] = st
	s.mu.Unlock()
	return data, nil
}

func runFix(e *env, f *fixFlags, args []string) error {
	if f.diff && f.check {
		return &exitCode{code: exitError, err: errors.New("--diff and --check: choose one")}
	}
	fail, err := f.failSeverity()
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	eng, err := f.setup()
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	states := &fileStates{m: map[string]fixers.FileState{}}
	eng.ReadFile = states.read
	inputs, problems, err := f.inputs(e, eng, args)
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	for _, p := range problems {
		fmt.Fprintf(e.stderr, "copydesk: %s: %s\n", report.Printable(p.Path), report.Printable(p.Message))
	}
	// With --diff, stdout carries the diff; the report goes to stderr.
	out := e.stdout
	if f.diff || hasStdin(inputs) {
		out = e.stderr
	}
	res := lintAll(e, eng, inputs)
	want := func(d lint.Diagnostic) bool {
		return d.Fix != nil && (d.Fix.Applicability == lint.Safe || f.unsafe)
	}
	byPath := make(map[string]lint.Input, len(inputs))
	for _, in := range inputs {
		byPath[in.Path] = in
	}
	fixedProblems, fixedFiles, failed, stdinDone := 0, 0, false, false
	for _, fr := range res.Files {
		if fr.Summary == nil || !anyWanted(fr.Diagnostics, want) {
			continue
		}
		in := byPath[fr.Path]
		relint := func(src []byte) ([]lint.Diagnostic, error) {
			return eng.LintSource(lint.Input{Path: in.Path, Src: src, ConfigPath: in.ConfigPath})
		}
		before := fr.Summary.Src
		result, err := fixers.Loop(before, fr.Diagnostics, relint, want, 10)
		if err != nil {
			fr.Err = fmt.Errorf("fix: %w", err)
			failed = true
			continue
		}
		if bytes.Equal(result.Src, before) {
			continue
		}
		switch {
		case f.diff:
			if _, err := io.WriteString(e.stdout, fixers.Unified(fr.Path, before, result.Src)); err != nil {
				return &exitCode{code: exitError, err: fmt.Errorf("write standard output: %w", err)}
			}
			fr.Summary = reparsed(fr.Summary, result.Src)
		case f.check:
			fmt.Fprintf(out, "would fix %s in %s\n", count(result.Applied, "problem"), fr.Path)
		case in.Src != nil:
			stdinDone = true
			if _, err := e.stdout.Write(result.Src); err != nil {
				return &exitCode{code: exitError, err: fmt.Errorf("write standard output: %w", err)}
			}
			fr.Summary = reparsed(fr.Summary, result.Src)
		default:
			states.mu.Lock()
			st := states.m[fr.Path]
			states.mu.Unlock()
			if err := fixers.WriteAtomic(fr.Path, result.Src, st); err != nil {
				fr.Err = err
				failed = true
				continue
			}
			fr.Summary = reparsed(fr.Summary, result.Src)
		}
		fixedProblems += result.Applied
		fixedFiles++
		fr.Diagnostics = result.Remaining
	}
	// Text on standard input that had nothing to fix, or could not be read
	// as text at all, goes back unchanged: `copydesk fix - < a > b` never
	// leaves b empty.
	if !stdinDone && !f.diff && !f.check {
		for _, in := range inputs {
			if in.Src != nil {
				if _, err := e.stdout.Write(in.Src); err != nil {
					return &exitCode{code: exitError, err: fmt.Errorf("write standard output: %w", err)}
				}
			}
		}
	}
	if f.check {
		for _, fr := range res.Files {
			fr.Diagnostics = nil
		}
	}
	rep := newReport(eng, res)
	if f.check {
		for _, fe := range rep.Failed {
			fmt.Fprintf(e.stderr, "copydesk: %s: %s\n", report.Printable(fe.Path), report.Printable(fe.Message))
		}
	} else {
		if err := (report.Text{Color: e.color && out == e.stdout}).Format(out, rep); err != nil {
			return &exitCode{code: exitError, err: fmt.Errorf("write report: %w", err)}
		}
	}
	verb := "Fixed"
	if f.diff || f.check {
		verb = "Would fix"
	}
	left := len(rep.Diagnostics)
	fmt.Fprintf(out, "%s %s in %s; %d left.\n", verb, count(fixedProblems, "problem"), count(fixedFiles, "file"), left)
	if len(problems) > 0 || failed || len(rep.Failed) > 0 {
		return &exitCode{code: exitError}
	}
	if (f.diff || f.check) && fixedProblems > 0 {
		return &exitCode{code: exitProblems}
	}
	if f.check {
		return nil
	}
	return exitFor(rep, fail, false)
}

func anyWanted(ds []lint.Diagnostic, want func(lint.Diagnostic) bool) bool {
	for _, d := range ds {
		if want(d) {
			return true
		}
	}
	return false
}

func hasStdin(inputs []lint.Input) bool {
	for _, in := range inputs {
		if in.Src != nil {
			return true
		}
	}
	return false
}

// reparsed gives the report the fixed text, so that the positions of the
// remaining diagnostics are computed on what is now in the file.
func reparsed(old *lint.Summary, src []byte) *lint.Summary {
	doc, err := lint.Parse(old.Path, src)
	if err != nil {
		return old
	}
	return doc.Summary
}

func count(n int, what string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", what)
	}
	return fmt.Sprintf("%d %ss", n, what)
}
