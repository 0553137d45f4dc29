// Command scale measures copydesk binaries at archive scale, the figures of
// issue 12: CPU seconds and peak RSS of `lint --format json` on generated
// corpora of two sizes, how both grow with the archive, `fix` against
// `lint`, and optionally Vale against copydesk on the same articles.
//
// Usage:
//
//	go run ./internal/cmd/scale -bin OLD[,NEW...] [-n 3] [-sizes 20MB,200MB] [-cache DIR] [-vale PATH]
//
// Each binary runs as a child process, the binaries taking turns (a, b, a,
// b...) so that all see the same load; CPU time (user + system) and the
// peak resident set come from the child's rusage, and the tables report
// medians. Wall times are printed too, but on a shared machine they measure
// the load more than the program. Corpora come from internal/corpusgen (as
// `go run ./internal/cmd/gencorpus` writes them) and are kept in the cache
// folder between runs (the 200 MB one is 290 MB of disk). `fix` runs on
// the smallest corpus: once with --diff, writing nothing, and once for real
// on a throwaway copy of its own, all made before the lint runs and removed
// at the end (copying is not timed, and no removal comes just before a fix).
//
// In-process figures (allocated bytes per input byte, tokens per word) are
// benchmarks: BenchmarkLintCorpus in cmd/copydesk and BenchmarkTokensPerWord
// in lint.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/copydesk/copydesk/internal/corpusgen"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// config is what the flags ask for.
type config struct {
	bins       []string
	n          int
	sizes      []int64
	cache      string
	gen        corpusgen.Options
	fix        bool
	vale       string
	valeConfig string
	cmdline    string
}

// run returns the exit code: 0 done, 1 failed, 2 bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errFlagSyntax):
		return 2 // the flag package has said why, with the usage
	case err != nil:
		fmt.Fprintf(stderr, "scale: %v\n", err)
		return 2
	}
	if err := measure(cfg, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "scale: %v\n", err)
		return 1
	}
	return 0
}

// errFlagSyntax is a flag the flag package could not read and has reported.
var errFlagSyntax = errors.New("bad flag")

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("scale", flag.ContinueOnError)
	fs.SetOutput(stderr)
	bins := fs.String("bin", "", "copydesk binaries to measure, comma-separated; they take turns (required)")
	n := fs.Int("n", 3, "runs of each command per binary")
	sizes := fs.String("sizes", "20MB,200MB", "corpus sizes, ascending; growth is measured from the first to the last, fix and Vale run on the first")
	cache := fs.String("cache", filepath.Join(os.TempDir(), "copydesk-scale"), "folder keeping the generated corpora between runs")
	seed := fs.Int64("seed", 1, "generator seed")
	markdown := fs.Float64("markdown", corpusgen.DefaultMarkdownShare, "share of Markdown articles")
	defects := fs.Float64("defects", 2, "planted defects per 1,000 words")
	fix := fs.Bool("fix", true, "also time fix --diff and fix on the smallest corpus")
	vale := fs.String("vale", "", "a vale binary to time on the smallest corpus (off when empty)")
	valeConfig := fs.String("vale-config", "", "a .vale.ini to use instead of the built-in regex-only style")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: scale -bin OLD[,NEW...] [-n 3] [-sizes 20MB,200MB] [-cache DIR] [-vale PATH]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return config{}, err
		}
		return config{}, errFlagSyntax
	}
	cfg := config{n: *n, cache: *cache, fix: *fix, valeConfig: *valeConfig,
		gen:     corpusgen.Options{Seed: *seed, MarkdownShare: *markdown, DefectRate: *defects},
		cmdline: "go run ./internal/cmd/scale " + strings.Join(args, " ")}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q: the binaries go in -bin", fs.Arg(0))
	}
	for b := range strings.SplitSeq(*bins, ",") {
		if b = strings.TrimSpace(b); b == "" {
			continue
		}
		p, err := resolve(b)
		if err != nil {
			return cfg, err
		}
		cfg.bins = append(cfg.bins, p)
	}
	if len(cfg.bins) == 0 {
		return cfg, errors.New("-bin names no binary: give one or more copydesk binaries, comma-separated")
	}
	if cfg.n < 1 {
		return cfg, fmt.Errorf("-n %d: want at least one run", cfg.n)
	}
	for s := range strings.SplitSeq(*sizes, ",") {
		v, err := corpusgen.ParseSize(s)
		if err != nil {
			return cfg, fmt.Errorf("-sizes: %w", err)
		}
		if k := len(cfg.sizes); k > 0 && v <= cfg.sizes[k-1] {
			return cfg, fmt.Errorf("-sizes %s: want ascending sizes", *sizes)
		}
		cfg.sizes = append(cfg.sizes, v)
	}
	if *markdown < 0 || *markdown > 1 || *defects < 0 {
		return cfg, errors.New("-markdown must be between 0 and 1 and -defects not negative")
	}
	if *vale != "" {
		p, err := resolve(*vale)
		if err != nil {
			return cfg, err
		}
		cfg.vale = p
	}
	if cfg.valeConfig != "" {
		p, err := filepath.Abs(cfg.valeConfig)
		if err != nil {
			return cfg, fmt.Errorf("-vale-config: %w", err)
		}
		cfg.valeConfig = p
	}
	return cfg, nil
}

// resolve makes a program's path absolute, since the children run in the
// corpus's folder.
func resolve(bin string) (string, error) {
	if !strings.ContainsRune(bin, filepath.Separator) {
		p, err := exec.LookPath(bin)
		if err != nil {
			return "", fmt.Errorf("find %s: %w", bin, err)
		}
		bin = p
	}
	p, err := filepath.Abs(bin)
	if err != nil {
		return "", fmt.Errorf("find %s: %w", bin, err)
	}
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("find %s: %w", bin, err)
	}
	return p, nil
}

// binary is one copydesk binary under measurement.
type binary struct {
	label, path, version, sum string
}

// describe runs `BIN version` (which also proves the binary runs before
// minutes are spent on a corpus) and hashes the file, so that the report
// names exactly what it measured.
func describe(label, path string, versionArgs ...string) (binary, error) {
	b := binary{label: label, path: path}
	out, err := exec.Command(path, versionArgs...).Output()
	if err != nil {
		return b, fmt.Errorf("run %s %s: %w", path, strings.Join(versionArgs, " "), err)
	}
	b.version, _, _ = strings.Cut(strings.TrimSpace(string(out)), "\n")
	f, err := os.Open(path)
	if err != nil {
		return b, fmt.Errorf("hash %s: %w", path, err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return b, fmt.Errorf("hash %s: %w", path, err)
	}
	b.sum = hex.EncodeToString(h.Sum(nil))[:12]
	return b, nil
}

// results holds every run, by binary and corpus.
type results struct {
	lint    [][][]sample // [binary][corpus]
	fixDiff [][]sample   // [binary], on the smallest corpus
	fix     [][]sample
	// pairLint is a lint of the smallest corpus run just before each fix
	// --diff and fix, by the same binary: fix against lint in the same
	// round is compared at the same load.
	pairLint [][]sample
	vale     []sample
}

func measure(cfg config, stdout, progress io.Writer) error {
	bins := make([]binary, len(cfg.bins))
	for i, p := range cfg.bins {
		b, err := describe(string(rune('A'+i)), p, "version")
		if err != nil {
			return err
		}
		bins[i] = b
	}
	var vale binary
	if cfg.vale != "" {
		var err error
		if vale, err = describe("vale", cfg.vale, "--version"); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(cfg.cache, 0o755); err != nil {
		return fmt.Errorf("make the cache folder: %w", err)
	}
	corpora := make([]corpus, len(cfg.sizes))
	for i, size := range cfg.sizes {
		c, err := ensureCorpus(cfg.cache, size, cfg.gen, progress)
		if err != nil {
			return err
		}
		corpora[i] = c
	}
	small := corpora[0]

	valeIni, valeRules := cfg.valeConfig, 0
	if cfg.vale != "" && valeIni == "" {
		tmp, err := os.MkdirTemp("", "copydesk-scale-vale-")
		if err != nil {
			return fmt.Errorf("make a folder for Vale's config: %w", err)
		}
		defer os.RemoveAll(tmp)
		if valeIni, valeRules, err = writeValeConfig(tmp); err != nil {
			return err
		}
	}

	fmt.Fprintf(stdout, "copydesk at archive scale (issue 12): %s\n", cfg.cmdline)
	fmt.Fprintf(stdout, "%s, %d CPUs %s/%s, load average at start %s\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, loadText())
	fmt.Fprintln(stdout, "binaries")
	for _, b := range bins {
		fmt.Fprintf(stdout, "  %s  %s  (%s, sha256 %s)\n", b.label, b.path, b.version, b.sum)
	}
	if cfg.vale != "" {
		style := fmt.Sprintf("the built-in regex-only style %s, %d rules", valeStyleName, valeRules)
		if cfg.valeConfig != "" {
			style = cfg.valeConfig
		}
		fmt.Fprintf(stdout, "  vale  %s  (%s, sha256 %s), %s\n", vale.path, vale.version, vale.sum, style)
	}
	fmt.Fprintf(stdout, "\ncorpora (internal/corpusgen seed %d, markdown share %g, %g defects per 1,000 words; MB = 2^20 bytes)\n",
		cfg.gen.Seed, cfg.gen.MarkdownShare, cfg.gen.DefectRate)
	for _, c := range corpora {
		fmt.Fprintf(stdout, "  %-6s %6d files %9.2f MB  %s\n", c.label, c.files, float64(c.bytes)/mb, c.dir)
	}

	fmt.Fprintln(stdout, "\nruns, in order (cpu = user + sys of the child; peak = its peak RSS; load1 = one-minute load average as it started)")
	runs := newTable(stdout, 4, 0, 3, 10, 6, 2, 5, 7, 6, 7, 7, 8, 8, 4)
	runs.row("", "bin", "command", "corpus", "#", "load1", "user-s", "sys-s", "cpu-s", "wall-s", "peak-MB", "out-KB", "exit")
	var one runner = func(who, what string, c corpus, i int, dir, bin string, args ...string) (sample, error) {
		s, err := runOnce(dir, bin, args...)
		if err != nil {
			return s, fmt.Errorf("%s on the %s corpus, run %d: %w", what, c.label, i+1, err)
		}
		runs.row("", who, what, c.label, fmt.Sprint(i+1), num(s.load1, 2), num(s.user.Seconds(), 2), num(s.sys.Seconds(), 2),
			num(s.cpu().Seconds(), 2), num(s.wall.Seconds(), 2), mbOrDash(s.peakRSS), fmt.Sprint(s.outBytes>>10), fmt.Sprint(s.exit))
		return s, nil
	}

	res := results{lint: make([][][]sample, len(bins)), fixDiff: make([][]sample, len(bins)), fix: make([][]sample, len(bins)), pairLint: make([][]sample, len(bins))}
	for bi := range bins {
		res.lint[bi] = make([][]sample, len(corpora))
	}
	// Every real fix gets a copy of its own, all made now, before the lint
	// runs, and removed at the end: files deleted just before a fix make
	// its file creations slow on some filesystems (ext4 looks past recently
	// freed inodes), which timed the previous copy's removal, not fix.
	var works [][]string // by run, by binary
	if cfg.fix {
		works = make([][]string, cfg.n)
		defer func() {
			for _, ws := range works {
				for _, w := range ws {
					os.RemoveAll(w)
				}
			}
		}()
		for i := range cfg.n {
			works[i] = make([]string, len(bins))
			for bi := range bins {
				work := filepath.Join(cfg.cache, fmt.Sprintf("fix-work-%d-%d", i+1, bi+1))
				works[i][bi] = work
				if err := os.RemoveAll(work); err != nil {
					return fmt.Errorf("clear a throwaway corpus: %w", err)
				}
				if err := copyTree(small.dir, work); err != nil {
					return fmt.Errorf("copy the %s corpus for fix to write into: %w", small.label, err)
				}
			}
		}
	}
	for ci, c := range corpora {
		for i := range cfg.n {
			for bi, b := range bins {
				s, err := one(b.label, "lint", c, i, c.dir, b.path, "lint", "--format", "json", ".")
				if err != nil {
					return err
				}
				res.lint[bi][ci] = append(res.lint[bi][ci], s)
			}
		}
	}
	if cfg.fix || cfg.vale != "" {
		for i := range cfg.n {
			if cfg.fix {
				for bi, b := range bins {
					if err := timeFix(one, &res, bi, b, small, i, works[i][bi]); err != nil {
						return err
					}
				}
			}
			if cfg.vale != "" {
				s, err := one("V", "vale", small, i, small.dir, cfg.vale, "--config", valeIni, "--output", "line", "--no-exit", ".")
				if err != nil {
					return err
				}
				res.vale = append(res.vale, s)
			}
		}
	}
	fmt.Fprintf(stdout, "\nload average at the end %s\n", loadText())
	report(stdout, cfg, bins, corpora, res)
	return nil
}

// runner runs one command and prints its line in the runs table.
type runner func(who, what string, c corpus, i int, dir, bin string, args ...string) (sample, error)

// timeFix times lint on the corpus, fix --diff on it, then a real fix in
// work, a fresh copy of it: the lint is the one the two fixes are
// compared with in their round.
func timeFix(one runner, res *results, bi int, b binary, c corpus, i int, work string) error {
	s, err := one(b.label, "lint", c, i, c.dir, b.path, "lint", "--format", "json", ".")
	if err != nil {
		return err
	}
	res.pairLint[bi] = append(res.pairLint[bi], s)
	if s, err = one(b.label, "fix --diff", c, i, c.dir, b.path, "fix", "--diff", "."); err != nil {
		return err
	}
	res.fixDiff[bi] = append(res.fixDiff[bi], s)
	if s, err = one(b.label, "fix", c, i, work, b.path, "fix", "."); err != nil {
		return err
	}
	res.fix[bi] = append(res.fix[bi], s)
	return nil
}

// report prints the medians and the figures.
func report(w io.Writer, cfg config, bins []binary, corpora []corpus, res results) {
	small, large := corpora[0], corpora[len(corpora)-1]
	fmt.Fprintf(w, "\nlint --format json, medians of %d runs\n", cfg.n)
	t := newTable(w, 3, 0, 3, 6, 8, 6, 11, 6, 8, 9, 7, 7)
	t.row("", "bin", "corpus", "MB", "cpu-s", "cpu range", "wall-s", "MB/cpu-s", "cpu-ms/MB", "peak-MB", "peak/in")
	for bi, b := range bins {
		for ci, c := range corpora {
			s := summarize(res.lint[bi][ci])
			r := ratesOf(s, c.bytes)
			t.row("", b.label, c.label, num(float64(c.bytes)/mb, 2), num(s.cpu, 2), cpuRange(s), num(s.wall, 2),
				num(r.mbPerCPUSecond, 2), num(r.cpuMsPerMB, 1), num(s.peakRSS/mb, 1), num(r.peakPerByte, 2))
		}
	}

	if cfg.fix {
		fmt.Fprintf(w, "\nfix on the %s corpus, medians of %d runs, against lint on it (fix writes a fresh copy each run);\n", small.label, cfg.n)
		fmt.Fprintf(w, "\"x paired\" is the median of each round's CPU against the lint run just before it\n")
		t := newTable(w, 3, 0, 3, 10, 6, 11, 6, 8, 6, 6, 7)
		t.row("", "bin", "command", "cpu-s", "cpu range", "x lint", "x paired", "wall-s", "x lint", "peak-MB")
		for bi, b := range bins {
			l := summarize(res.lint[bi][0])
			for _, c := range []struct {
				name   string
				s      summary
				paired float64
			}{{"lint", l, math.NaN()}, {"lint paired", summarize(res.pairLint[bi]), 1},
				{"fix --diff", summarize(res.fixDiff[bi]), pairedRatio(res.fixDiff[bi], res.pairLint[bi])},
				{"fix", summarize(res.fix[bi]), pairedRatio(res.fix[bi], res.pairLint[bi])}} {
				t.row("", b.label, c.name, num(c.s.cpu, 2), cpuRange(c.s), num(ratio(c.s.cpu, l.cpu), 2), num(c.paired, 2), num(c.s.wall, 2),
					num(ratio(c.s.wall, l.wall), 2), num(c.s.peakRSS/mb, 1))
			}
		}
	}
	var vale summary
	if cfg.vale != "" {
		vale = summarize(res.vale)
		fmt.Fprintf(w, "\nvale on the %s corpus, median of %d runs: %s cpu-s, %s wall-s, peak %s MB\n",
			small.label, cfg.n, num(vale.cpu, 2), num(vale.wall, 2), num(vale.peakRSS/mb, 1))
	}

	fmt.Fprintf(w, "\nissue 12 targets (medians)\n")
	cols := []int{0, 40, 9}
	head := []string{"", "figure", "target"}
	for range bins {
		cols = append(cols, 7, 5)
	}
	for _, b := range bins {
		head = append(head, b.label, "meets")
	}
	tt := newTable(w, 2, cols...)
	tt.row(head...)
	line := func(figure, target string, f func(bi int) (string, float64, bool)) {
		cells := []string{"", figure, target}
		for bi := range bins {
			v, x, ok := f(bi)
			cells = append(cells, v, meets(x, ok))
		}
		tt.row(cells...)
	}
	line("MB per CPU-second, "+small.label, fmt.Sprintf(">= %d", targetMBPerCPUSecond), func(bi int) (string, float64, bool) {
		x := ratesOf(summarize(res.lint[bi][0]), small.bytes).mbPerCPUSecond
		return num(x, 1), x, x >= targetMBPerCPUSecond
	})
	if len(corpora) > 1 {
		arrow := small.label + " -> " + large.label
		g := func(bi int) (float64, float64) {
			return growth(summarize(res.lint[bi][0]), summarize(res.lint[bi][len(corpora)-1]), small.bytes, large.bytes)
		}
		line("added peak RSS / added byte, "+arrow, fmt.Sprintf("<= %.2f", targetRSSPerAddedByte), func(bi int) (string, float64, bool) {
			x, _ := g(bi)
			return num(x, 2), x, x <= targetRSSPerAddedByte
		})
		line("CPU per MB change, "+arrow, fmt.Sprintf("<= %+.0f%%", 100*targetCPUPerMBChange), func(bi int) (string, float64, bool) {
			_, x := g(bi)
			return pct(x), x, x <= targetCPUPerMBChange
		})
	}
	if cfg.fix {
		line("fix CPU / lint CPU, "+small.label, fmt.Sprintf("<= %dx", targetFixOverLint), func(bi int) (string, float64, bool) {
			x := ratio(summarize(res.fix[bi]).cpu, summarize(res.lint[bi][0]).cpu)
			return num(x, 2), x, x <= targetFixOverLint
		})
		line("fix CPU / lint CPU, paired by round", fmt.Sprintf("<= %dx", targetFixOverLint), func(bi int) (string, float64, bool) {
			x := pairedRatio(res.fix[bi], res.pairLint[bi])
			return num(x, 2), x, x <= targetFixOverLint
		})
	}
	if cfg.vale != "" {
		line("Vale CPU / copydesk lint CPU, "+small.label, fmt.Sprintf(">= %dx", targetValeOverLint), func(bi int) (string, float64, bool) {
			x := ratio(vale.cpu, summarize(res.lint[bi][0]).cpu)
			return num(x, 1), x, x >= targetValeOverLint
		})
	}
}

// runOnce runs bin in dir and measures it. Exit status 1 is success here:
// copydesk uses it for "problems found".
func runOnce(dir, bin string, args ...string) (sample, error) {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var out counter
	var errs tail
	cmd.Stdout = &out
	cmd.Stderr = &errs
	load := math.NaN()
	if l, err := loadAvg(); err == nil {
		load = l[0]
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if problemsFound := errors.As(err, &exit) && exit.ExitCode() == 1; err != nil && !problemsFound {
		return sample{}, fmt.Errorf("%s %s in %s: %w\n%s", bin, strings.Join(args, " "), dir, err, errs.String())
	}
	s := usage(cmd.ProcessState)
	s.wall, s.load1, s.outBytes, s.exit = wall, load, out.n, cmd.ProcessState.ExitCode()
	return s, nil
}

// counter counts the bytes written to it and keeps none.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// tail keeps the last 2 KB written to it: the end of a failing child's
// standard error, where the reason is.
type tail struct{ b []byte }

func (t *tail) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > 2048 {
		t.b = t.b[len(t.b)-2048:]
	}
	return len(p), nil
}

func (t *tail) String() string { return strings.TrimSpace(string(t.b)) }

func loadText() string {
	l, err := loadAvg()
	if err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%.2f %.2f %.2f", l[0], l[1], l[2])
}

func mbOrDash(b int64) string {
	if b <= 0 {
		return "-"
	}
	return num(float64(b)/mb, 1)
}

// table prints fixed-width rows, so that runs can stream out one by one
// and two reports line up: the first left columns are left-aligned, the
// rest (figures) right-aligned.
type table struct {
	w      io.Writer
	left   int
	widths []int
}

func newTable(w io.Writer, left int, widths ...int) *table {
	return &table{w: w, left: left, widths: widths}
}

func (t *table) row(cells ...string) {
	var b strings.Builder
	for i, c := range cells {
		wd := 0
		if i < len(t.widths) {
			wd = t.widths[i]
		}
		if i > 0 {
			b.WriteString("  ")
		}
		if i < t.left {
			fmt.Fprintf(&b, "%-*s", wd, c)
		} else {
			fmt.Fprintf(&b, "%*s", wd, c)
		}
	}
	fmt.Fprintln(t.w, strings.TrimRight(b.String(), " "))
}

// cpuRange is a summary's least and greatest CPU seconds, "1.52-1.77".
func cpuRange(s summary) string {
	if math.IsNaN(s.cpuMin) {
		return "-" // no runs
	}
	return num(s.cpuMin, 2) + "-" + num(s.cpuMax, 2)
}
