// Command evaluate measures copydesk's registered rules against the quality bar of the rule-set
// issue and prints one table per measurement:
//
//   - false alarms per 10,000 words on 14 proofread books (../shared/corpus/prose);
//   - agreement with LanguageTool's and proselint's test sentences;
//   - real typo fixes from blog histories: mechanical fixes flagged before, not after, and
//     undone by the safe fix; and the doubled words still in the copied blogs;
//   - a round trip: defects planted at known places in clean generated articles, linted (recall,
//     precision) and fixed (restoration, byte for byte);
//   - dates and titles: metadata defects planted one at a time in a generated archive with one
//     house date format (recall, precision, date-format fixes restoring the article);
//   - links: previous/next and relative-link defects planted one at a time in a generated
//     archive whose chain is consistent (recall, precision, unsafe fixes restoring it);
//   - names: name variants of every kind planted in clean generated articles, with a glossary
//     of canonical names only (name-variant) and without one (name-consistency).
//
// Usage:
//
//	go run ./internal/evaluate [-v] [-strict] [-only roundtrip,agreement,...] [-shared DIR]
//
// With -strict it exits 1 when a rule misses a target (round trip, false alarms). The shared
// corpus sits beside the repository; sections that need it are skipped when it is absent.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/copydesk/copydesk/internal/evaluate/eval"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules"
)

var sections = []string{"falsealarms", "agreement", "realdefects", "roundtrip", "dates", "links", "names"}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	return runWith(rules.Registry(), args, stdout, stderr)
}

// runWith evaluates the rules of reg.
func runWith(reg *lint.Registry, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	verbose := fs.Bool("v", false, "list every disagreement, miss, false alarm and sample")
	strict := fs.Bool("strict", false, "exit 1 when a rule misses a round-trip or false-alarm target")
	only := fs.String("only", strings.Join(sections, ","), "measurements to run, comma-separated")
	shared := fs.String("shared", "", "the shared corpus folder (default: ../shared/corpus beside the repository)")
	seed := fs.Int64("seed", 1, "seed of the generated articles and of where defects go")
	size := fs.Int64("bytes", 1<<20, "size of the clean generated articles for the round trip")
	samples := fs.Int("samples", 10, "false-alarm samples kept per rule")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	want := map[string]bool{}
	for _, s := range strings.Split(*only, ",") {
		s = strings.TrimSpace(s)
		if !slices.Contains(sections, s) {
			fmt.Fprintf(stderr, "evaluate: unknown measurement %q (want %s)\n", s, strings.Join(sections, ", "))
			return 2
		}
		want[s] = true
	}
	corpus := *shared
	if corpus == "" {
		corpus = findShared()
	}
	if corpus != "" {
		if _, err := os.Stat(corpus); err != nil {
			if *shared != "" {
				fmt.Fprintf(stderr, "evaluate: %v\n", err)
				return 2
			}
			corpus = ""
		}
	}

	env := eval.New(reg)
	rs := eval.Resolve(reg)
	var missing []string
	for _, ir := range eval.IssueRules {
		if rs.Lookup(ir.ID) == nil {
			missing = append(missing, ir.ID)
		}
	}
	fmt.Fprintf(stdout, "copydesk evaluation: %d rules registered; %d of the issue's %d rules", len(reg.Rules()), len(eval.IssueRules)-len(missing), len(eval.IssueRules))
	if len(missing) > 0 {
		fmt.Fprintf(stdout, " (not registered: %s)", strings.Join(missing, ", "))
	}
	fmt.Fprintf(stdout, "\n\n")

	var failures []string
	fail := func(err error) int {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return 2
	}
	skip := func(what string) {
		fmt.Fprintf(stdout, "%s: skipped, the shared corpus (../shared/corpus) was not found\n\n", what)
	}
	timed := func(name string, f func() error) error {
		t0 := time.Now()
		err := f()
		if *verbose {
			fmt.Fprintf(stdout, "(%s took %v)\n\n", name, time.Since(t0).Round(time.Millisecond))
		}
		return err
	}

	if want["falsealarms"] {
		if corpus == "" {
			skip("False alarms")
		} else if err := timed("false alarms", func() error {
			fa, err := env.MeasureFalseAlarms(filepath.Join(corpus, "prose"), *samples)
			if err != nil {
				return err
			}
			fa.Print(stdout, rs, *verbose)
			for _, r := range fa.Rules {
				if fa.Missed(r) {
					failures = append(failures, fmt.Sprintf("%s: %.2f findings per 10,000 words of proofread books, target below %.0f", r.Rule.ID, r.SafeRate(fa.Words), eval.MaxSafeAlarmRate))
				}
			}
			return nil
		}); err != nil {
			return fail(err)
		}
	}
	if want["agreement"] {
		if corpus == "" {
			skip("Agreement")
		} else if err := timed("agreement", func() error {
			for _, src := range []struct {
				name, file string
				mapf       eval.Mapper
			}{
				{"LanguageTool", "languagetool/examples.tsv", eval.MapLanguageTool},
				{"proselint", "proselint/examples.tsv", eval.MapProselint},
			} {
				exs, err := eval.ReadExamples(filepath.Join(corpus, src.file))
				if err != nil {
					return err
				}
				ag, err := env.MeasureAgreement(src.name, exs, src.mapf, rs)
				if err != nil {
					return err
				}
				ag.Print(stdout, rs, *verbose)
			}
			return nil
		}); err != nil {
			return fail(err)
		}
	}
	if want["realdefects"] {
		if corpus == "" {
			skip("Real typo fixes")
		} else if err := timed("real defects", func() error {
			pairs, err := eval.ReadPairs(filepath.Join(corpus, "typo-fix-pairs"))
			if err != nil {
				return err
			}
			rd, err := env.MeasurePairs(pairs, rs, corpus)
			if err != nil {
				return err
			}
			if rd.Known, err = env.MeasureKnownDoubles(corpus, []string{"blog.rust-lang.org", "golang-blog", "golang-website"}, rs); err != nil {
				return err
			}
			rd.Print(stdout, rs, *verbose)
			return nil
		}); err != nil {
			return fail(err)
		}
	}
	if want["roundtrip"] {
		if err := timed("round trip", func() error {
			rt, err := env.MeasureRoundTrip(eval.RoundTripOptions{Bytes: *size, Seed: *seed}, rs)
			if err != nil {
				return err
			}
			rt.Print(stdout, *verbose)
			failures = append(failures, rt.Failures()...)
			return nil
		}); err != nil {
			return fail(err)
		}
	}

	if want["dates"] {
		if err := timed("dates", func() error {
			dr, err := env.MeasureDates(eval.RoundTripOptions{Bytes: *size, Seed: *seed})
			if err != nil {
				return err
			}
			dr.Print(stdout, *verbose)
			failures = append(failures, dr.Failures()...)
			return nil
		}); err != nil {
			return fail(err)
		}
	}

	if want["links"] {
		if err := timed("links", func() error {
			lr, err := env.MeasureLinks(eval.RoundTripOptions{Bytes: *size, Seed: *seed})
			if err != nil {
				return err
			}
			lr.Print(stdout, *verbose)
			failures = append(failures, lr.Failures()...)
			return nil
		}); err != nil {
			return fail(err)
		}
	}

	if want["names"] {
		if err := timed("names", func() error {
			prose := ""
			if corpus != "" {
				prose = filepath.Join(corpus, "prose")
			}
			nr, err := env.MeasureNames(eval.RoundTripOptions{Bytes: *size, Seed: *seed}, prose)
			if err != nil {
				return err
			}
			nr.Print(stdout, *verbose)
			failures = append(failures, nr.Failures()...)
			return nil
		}); err != nil {
			return fail(err)
		}
	}

	if len(failures) > 0 {
		fmt.Fprintf(stdout, "Targets missed (%d):\n", len(failures))
		for _, f := range failures {
			fmt.Fprintf(stdout, "  %s\n", f)
		}
		if *strict {
			return 1
		}
	} else {
		fmt.Fprintln(stdout, "Every registered rule meets the round-trip and false-alarm targets.")
	}
	return 0
}

// findShared returns ../shared/corpus beside the module root above the current folder, or "".
func findShared() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "corpus")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
