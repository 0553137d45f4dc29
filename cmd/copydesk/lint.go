package main

import (
	"fmt"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/report"
	"github.com/spf13/cobra"
)

func newLintCmd(e *env) *cobra.Command {
	var f commonFlags
	var statistics bool
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Report problems in articles (files or folders; default: the current folder)",
		Example: "  copydesk lint testdata/articles\n" +
			"  copydesk lint --format json news/ > report.json\n" +
			"  cat draft.md | copydesk lint --stdin-filename news/draft.md -",
		RunE: func(cmd *cobra.Command, args []string) error {
			formatter, err := pickFormatter(f.format, e, statistics)
			if err != nil {
				return &exitCode{code: exitError, err: err}
			}
			fail, err := f.failSeverity()
			if err != nil {
				return &exitCode{code: exitError, err: err}
			}
			eng, err := f.setup()
			if err != nil {
				return &exitCode{code: exitError, err: err}
			}
			inputs, problems, err := collect(e, eng, args, f.stdinFilename)
			if err != nil {
				return &exitCode{code: exitError, err: err}
			}
			for _, p := range problems {
				fmt.Fprintf(e.stderr, "copydesk: %s: %s\n", p.Path, p.Message)
			}
			res := eng.Lint(inputs)
			rep := report.New(report.Tool{Name: "copydesk", Version: version}, res)
			if _, ok := formatter.(report.JSON); ok {
				// Programs reading JSON learn of bad paths only from it.
				rep.Failed = append(problems, rep.Failed...)
			}
			if err := formatter.Format(e.stdout, rep); err != nil {
				return &exitCode{code: exitError, err: fmt.Errorf("write report: %w", err)}
			}
			return exitFor(rep, fail, len(problems) > 0)
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&f.format, "format", "text", "output format: text or json")
	cmd.Flags().BoolVar(&statistics, "statistics", false, "print the number of problems per rule instead of each one")
	return cmd
}

func pickFormatter(name string, e *env, statistics bool) (report.Formatter, error) {
	switch name {
	case "text", "":
		return report.Text{Color: e.color, Statistics: statistics}, nil
	case "json":
		return report.JSON{}, nil
	}
	return nil, fmt.Errorf("--format: unknown format %q (want text or json)", name)
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
