// Command copydesk lints and fixes published articles: news items, press
// releases and blog posts, as plain-text exports or Markdown.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/copydesk/copydesk/progress"
	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes, the ruff and golangci-lint convention.
const (
	exitOK       = 0
	exitProblems = 1
	exitError    = 2
)

// exitCode carries a command's exit status through cobra.
type exitCode struct {
	code int
	err  error // printed when not nil
}

func (e *exitCode) Error() string {
	if e.err != nil {
		return e.err.Error()
	}
	return fmt.Sprintf("exit %d", e.code)
}

// main sets the collector's pace from the live heap (gcTuner) unless GOGC
// is set in the environment; GOMEMLIMIT applies as well.
func main() {
	tuneGC()
	os.Exit(runWith(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, true))
}

// env is what a command reads and writes besides its flags, so that tests
// run the real command tree in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	color          bool
	progress       bool // a files-done line on stderr during long runs
	verbose        bool // --verbose: say on stderr what a walk skipped
	// signals: the process is the real binary, so fix may catch SIGINT
	// and SIGTERM and end the process itself; tests run in-process.
	signals bool
	// workers, when above 0, is how many files fix checks, fixes and
	// writes at once (otherwise as many as the processors, and eight
	// writes): tests compare one with several.
	workers int
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runWith(args, stdin, stdout, stderr, false)
}

func runWith(args []string, stdin io.Reader, stdout, stderr io.Writer, signals bool) int {
	return (&env{stdin: stdin, stdout: stdout, stderr: stderr, color: colorWanted(stdout), progress: progress.Wanted(stderr, os.LookupEnv), signals: signals}).run(args)
}

// run runs the command tree with e.
func (e *env) run(args []string) int {
	stderr := e.stderr
	root := newRoot(e)
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ec *exitCode
	if errors.As(err, &ec) {
		if ec.err != nil {
			fmt.Fprintf(stderr, "copydesk: %v\n", ec.err)
		}
		return ec.code
	}
	// cobra's own errors: unknown command or flag, wrong argument count.
	fmt.Fprintf(stderr, "copydesk: %v\n", err)
	if strings.Contains(err.Error(), "unknown") || strings.Contains(err.Error(), "arg") || strings.Contains(err.Error(), "flag") {
		fmt.Fprintln(stderr, "Run 'copydesk --help' for usage.")
	}
	return exitError
}

// colorWanted: colour only on a terminal, never with NO_COLOR set.
func colorWanted(w io.Writer) bool {
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	if os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "copydesk",
		Short: "Lint and fix published articles",
		Long: "copydesk finds the defects copy editors chase by hand in news items, press releases and blog\n" +
			"posts (doubled words, stray spaces, scraping leftovers, inconsistent names, bad dates and\n" +
			"broken previous/next links) and fixes what can be fixed safely.",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version, // --version; the version command stays
	}
	root.SetVersionTemplate("copydesk {{.Version}}\n")
	root.AddCommand(newLintCmd(e), newFixCmd(e), newRulesCmd(e), newExplainCmd(e), newInitCmd(e), newVersionCmd(e))
	root.AddCommand(newNamesCmd(e), newStylesCmd(e))
	root.AddCommand(newLSPCmd(e), newServeCmd(e))
	return root
}
