// Command gencorpus writes a synthetic corpus of news articles for benchmarks and evaluations.
//
//	go run ./internal/cmd/gencorpus -out DIR -size 20MB -seed 1 -markdown 0.25 -defects 2
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/copydesk/copydesk/internal/corpusgen"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run returns the exit code: 0 done, 1 failed, 2 bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "directory to write the articles into (required)")
	size := fs.String("size", "20MB", "approximate total size: 500KB, 20MB, 1GB (units of 1024)")
	seed := fs.Int64("seed", 1, "seed; the same flags give byte-identical files")
	markdown := fs.Float64("markdown", corpusgen.DefaultMarkdownShare, "fraction of articles written as Markdown")
	defects := fs.Float64("defects", 2, "defects per 1,000 words of prose; 0 for clean articles")
	force := fs.Bool("force", false, "write into a non-empty directory, overwriting files of the same names")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gencorpus -out DIR [-size 20MB] [-seed 1] [-markdown 0.25] [-defects 2] [-force]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || *out == "" {
		fs.Usage()
		return 2
	}
	bytes, err := corpusgen.ParseSize(*size)
	if err != nil {
		fmt.Fprintln(stderr, "gencorpus:", err)
		return 2
	}
	if *markdown < 0 || *markdown > 1 {
		fmt.Fprintln(stderr, "gencorpus: -markdown must be between 0 and 1")
		return 2
	}
	if *defects < 0 {
		fmt.Fprintln(stderr, "gencorpus: -defects must not be negative")
		return 2
	}
	if !*force {
		entries, err := os.ReadDir(*out)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintln(stderr, "gencorpus:", err)
			return 1
		}
		if len(entries) > 0 {
			fmt.Fprintf(stderr, "gencorpus: %s is not empty; use -force to write into it anyway\n", *out)
			return 1
		}
	}
	start := time.Now()
	files, n, err := corpusgen.WriteDir(*out, corpusgen.Options{
		Bytes:         bytes,
		Seed:          *seed,
		MarkdownShare: *markdown,
		DefectRate:    *defects,
	})
	if err != nil {
		fmt.Fprintln(stderr, "gencorpus:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d files, %.1f MB to %s (%.2fs)\n", files, float64(n)/(1<<20), *out,
		time.Since(start).Seconds())
	return 0
}
