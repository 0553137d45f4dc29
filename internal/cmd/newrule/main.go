// Command newrule starts a rule: its package with a placeholder check, a
// test and a test article, its line in rules.All(), and the regenerated
// rule reference and README rule table. Run it from the repository:
//
//	go run ./internal/cmd/newrule [-category typography] NAME
//
// NAME is the rule's ID in kebab-case; the package is the ID without its
// dashes. The placeholder's doc says TODO, which go test ./rules rejects
// until it is written.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run returns the exit code: 0 done, 1 failed, 2 bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("newrule", flag.ContinueOnError)
	fs.SetOutput(stderr)
	category := fs.String("category", "typography", "the rule's category: "+categoryList())
	docs := fs.Bool("docs", true, "regenerate docs/rules.md and README.md's rule table (builds copydesk)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: go run ./internal/cmd/newrule [-category typography] [-docs=false] NAME")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	r, err := newRule(fs.Arg(0), *category)
	if err != nil {
		fmt.Fprintln(stderr, "newrule:", err)
		return 2
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(stderr, "newrule:", err)
		return 1
	}
	root, err := moduleRoot(wd)
	if err != nil {
		fmt.Fprintln(stderr, "newrule:", err)
		return 1
	}
	written, err := create(root, r)
	for _, f := range written {
		fmt.Fprintln(stdout, "wrote", f)
	}
	if err != nil {
		fmt.Fprintln(stderr, "newrule:", err)
		return 1
	}
	if *docs {
		if err := regenerate(root); err != nil {
			fmt.Fprintln(stderr, "newrule:", err)
			return 1
		}
		fmt.Fprintln(stdout, "wrote", filepath.ToSlash(filepath.Join("docs", "rules.md")), "and README.md's rule table")
	}
	fmt.Fprintf(stdout, `
Next:
  - write the check in rules/%[1]s/%[1]s.go (its placeholder reports the word "xyzzy");
  - write its Doc: go test ./rules fails while it says TODO;
  - put the cases it must find, and those it must leave alone, in rules/%[1]s/testdata;
  - go test ./rules/%[1]s ./rules ./cmd/copydesk, and regenerate the docs if the doc changed:
      go run ./cmd/copydesk rules --format markdown > docs/rules.md
      go run ./cmd/copydesk rules --format table   (README.md's rule table)
`, r.Pkg)
	return 0
}
