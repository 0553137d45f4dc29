// Command judge draws a seeded random sample of findings per rule from
// `copydesk lint --format json` output, shows each with the page source around
// it for a person to judge, and scores the verdicts as precision per rule and
// site.
//
//	go run ./cmd/copydesk lint --format json SITE > site.json
//	go run ./internal/cmd/judge sample -site NAME -root DIR -n 8 -seed 1 site.json >> verdicts.tsv
//	(write t or f, and for f a short kind, in the verdict and kind columns)
//	go run ./internal/cmd/judge score verdicts.tsv [NAME=site.json ...]
//
// Given each site's findings, score also weighs each rule's precision on a
// site by how many findings the rule gives there: the precision a reader
// of all the findings meets, not only of the sample.
//
// The verdict file is tab-separated: site, rule, fix, path, line, column,
// verdict, kind, finding. A sample line starts with the verdict "?", followed
// by the source lines as comments (#) that score ignores. Judged rows are
// kept by sample when they match a finding again (same site, rule, path and
// finding text), so a re-run after a rule change only asks about new findings.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: judge sample|score ...")
		return 2
	}
	var err error
	switch args[0] {
	case "sample":
		err = sample(args[1:], stdout, stderr)
	case "score":
		err = score(args[1:], stdout, stderr)
	default:
		err = fmt.Errorf("unknown command %q (want sample or score)", args[0])
	}
	if err != nil {
		fmt.Fprintf(stderr, "judge: %v\n", err)
		return 2
	}
	return 0
}

type diagnostic struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Offset  int    `json:"offset"`
	End     int    `json:"end_offset"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
	Fix     *struct {
		Applicability string `json:"applicability"`
	} `json:"fix"`
}

// A row is one judged (or to be judged) finding.
type row struct {
	site, rule, fix, path  string
	line, col              int
	verdict, kind, finding string
}

func (r row) key() string { return r.site + "\x00" + r.rule + "\x00" + r.path + "\x00" + r.finding }

func sample(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sample", flag.ContinueOnError)
	fs.SetOutput(stderr)
	site := fs.String("site", "", "the site's name in the verdict file (required)")
	root := fs.String("root", ".", "the folder the paths of the JSON are relative to")
	n := fs.Int("n", 8, "findings drawn per rule")
	seed := fs.Uint64("seed", 1, "seed of the draw")
	known := fs.String("known", "", "a verdict file whose judged rows are reused")
	ctx := fs.Int("context", 2, "source lines shown either side")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *site == "" || fs.NArg() != 1 {
		return errors.New("sample needs -site NAME and one JSON file")
	}
	diags, err := readFindings(fs.Arg(0))
	if err != nil {
		return err
	}
	judged := map[string]row{}
	if *known != "" {
		rows, err := readRows(*known)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if r.verdict == "t" || r.verdict == "f" {
				judged[r.key()] = r
			}
		}
	}
	byRule := map[string][]diagnostic{}
	for _, d := range diags {
		byRule[d.Rule] = append(byRule[d.Rule], d)
	}
	rules := make([]string, 0, len(byRule))
	for r := range byRule {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	rng := rand.New(rand.NewPCG(*seed, 0))
	files := map[string][]string{}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	for _, rule := range rules {
		ds := byRule[rule]
		// The JSON order is deterministic; the shuffle depends only on the seed.
		rng.Shuffle(len(ds), func(i, j int) { ds[i], ds[j] = ds[j], ds[i] })
		if len(ds) > *n {
			ds = ds[:*n]
		}
		for _, d := range ds {
			lines, ok := files[d.Path]
			if !ok {
				b, err := os.ReadFile(filepath.Join(*root, d.Path))
				if err != nil {
					return fmt.Errorf("reading the page of a finding: %w", err)
				}
				lines = strings.Split(string(b), "\n")
				files[d.Path] = lines
			}
			fix := "none"
			if d.Fix != nil {
				fix = d.Fix.Applicability
			}
			r := row{site: *site, rule: rule, fix: fix, path: d.Path, line: d.Line, col: d.Column, verdict: "?", finding: finding(lines, d)}
			if j, ok := judged[r.key()]; ok {
				r.verdict, r.kind = j.verdict, j.kind
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\n", r.site, r.rule, r.fix, r.path, r.line, r.col, r.verdict, r.kind, r.finding)
			if r.verdict == "?" {
				fmt.Fprintf(w, "#\t%s\n", d.Message)
				for l := max(1, d.Line-*ctx); l <= min(len(lines), d.Line+*ctx); l++ {
					mark := " "
					if l == d.Line {
						mark = ">"
					}
					fmt.Fprintf(w, "#%s%5d| %s\n", mark, l, clip(lines[l-1], 220))
				}
			}
		}
	}
	return nil
}

// finding is the flagged text with a little of the line around it, tabs and
// line ends shown, so that a verdict can be matched to the same finding later.
func finding(lines []string, d diagnostic) string {
	if d.Line < 1 || d.Line > len(lines) {
		return ""
	}
	l := []rune(lines[d.Line-1])
	a := max(0, d.Column-1-20)
	b := min(len(l), d.Column-1+30)
	s := string(l[a:b])
	return strings.NewReplacer("\t", "\\t", "\r", "\\r").Replace(s)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func readRows(name string) ([]row, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("reading the verdicts: %w", err)
	}
	defer f.Close()
	var rows []row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, "\t", 9)
		if len(f) != 9 {
			return nil, fmt.Errorf("%s:%d: want 9 tab-separated fields, found %d", name, n, len(f))
		}
		ln, err1 := strconv.Atoi(f[4])
		col, err2 := strconv.Atoi(f[5])
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		rows = append(rows, row{site: f[0], rule: f[1], fix: f[2], path: f[3], line: ln, col: col, verdict: f[6], kind: f[7], finding: f[8]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading the verdicts: %w", err)
	}
	return rows, nil
}

type tally struct{ t, f int }

func (t tally) String() string {
	if t.t+t.f == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d %.0f%%", t.t, t.t+t.f, 100*float64(t.t)/float64(t.t+t.f))
}

func score(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("score", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() < 1 {
		return errors.New("score needs a verdict file, then optionally NAME=FINDINGS.json per site")
	}
	rows, err := readRows(fs.Arg(0))
	if err != nil {
		return err
	}
	counts := map[[2]string]int{} // findings by rule and site
	for _, a := range fs.Args()[1:] {
		site, file, ok := strings.Cut(a, "=")
		if !ok {
			return fmt.Errorf("%q: want NAME=FINDINGS.json", a)
		}
		ds, err := readFindings(file)
		if err != nil {
			return err
		}
		for _, d := range ds {
			counts[[2]string{d.Rule, site}]++
		}
	}
	cell := map[[2]string]*tally{}
	var sites, rules []string
	seen := map[string]bool{}
	kinds := map[string]map[string]int{}
	open := 0
	get := func(k [2]string) *tally {
		if cell[k] == nil {
			cell[k] = &tally{}
		}
		return cell[k]
	}
	for _, r := range rows {
		switch r.verdict {
		case "t", "f":
		default:
			open++
			continue
		}
		if !seen["s"+r.site] {
			seen["s"+r.site] = true
			sites = append(sites, r.site)
		}
		if !seen["r"+r.rule] {
			seen["r"+r.rule] = true
			rules = append(rules, r.rule)
		}
		for _, k := range [][2]string{{r.rule, r.site}, {r.rule, ""}, {"", r.site}, {"", ""}} {
			if r.verdict == "t" {
				get(k).t++
			} else {
				get(k).f++
			}
		}
		if r.fix == "safe" {
			if r.verdict == "t" {
				get([2]string{"(safe fix)", ""}).t++
			} else {
				get([2]string{"(safe fix)", ""}).f++
			}
		}
		if r.verdict == "f" {
			if kinds[r.rule] == nil {
				kinds[r.rule] = map[string]int{}
			}
			kinds[r.rule][r.kind]++
		}
	}
	sort.Strings(rules)
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "rule\t%s\tall\n", strings.Join(sites, "\t"))
	for _, rule := range append(rules, "") {
		name := rule
		if rule == "" {
			name = "all rules"
		}
		fmt.Fprintf(tw, "%s", name)
		for _, s := range sites {
			fmt.Fprintf(tw, "\t%s", get([2]string{rule, s}))
		}
		fmt.Fprintf(tw, "\t%s\n", get([2]string{rule, ""}))
	}
	fmt.Fprintf(tw, "findings with a safe fix\t%s\n", strings.Repeat("\t", len(sites))+get([2]string{"(safe fix)", ""}).String())
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("writing the table: %w", err)
	}
	if len(counts) > 0 {
		weighted(stdout, sites, rules, counts, get)
	}
	for _, rule := range rules {
		if len(kinds[rule]) == 0 {
			continue
		}
		var ks []string
		for k, n := range kinds[rule] {
			ks = append(ks, fmt.Sprintf("%s (%d)", k, n))
		}
		sort.Strings(ks)
		fmt.Fprintf(stdout, "false %s: %s\n", rule, strings.Join(ks, ", "))
	}
	if open > 0 {
		fmt.Fprintf(stdout, "%d rows not judged yet\n", open)
	}
	return nil
}

// readFindings reads the diagnostics of `copydesk lint --format json`.
func readFindings(name string) ([]diagnostic, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("reading the findings: %w", err)
	}
	var out struct {
		Diagnostics []diagnostic `json:"diagnostics"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("reading %s as copydesk JSON: %w", name, err)
	}
	return out.Diagnostics, nil
}

// weighted prints precision with each rule's sampled precision on a site
// counted once per finding it gives there. Findings of a rule and site
// with no verdict are left out and counted.
func weighted(w io.Writer, sites, rules []string, counts map[[2]string]int, get func([2]string) *tally) {
	var all, allN float64
	unjudged := 0
	fmt.Fprint(w, "weighted by findings:")
	for _, s := range sites {
		var sum, n float64
		for _, r := range rules {
			c := float64(counts[[2]string{r, s}])
			if t := get([2]string{r, s}); t.t+t.f > 0 {
				sum += c * float64(t.t) / float64(t.t+t.f)
				n += c
			}
		}
		for k, c := range counts {
			if k[1] == s {
				if t := get(k); t.t+t.f == 0 {
					unjudged += c
				}
			}
		}
		all, allN = all+sum, allN+n
		if n > 0 {
			fmt.Fprintf(w, " %s %.1f%% (%d findings);", s, 100*sum/n, int(n))
		}
	}
	if allN > 0 {
		fmt.Fprintf(w, " all %.1f%% (%d findings)\n", 100*all/allN, int(allN))
	} else {
		fmt.Fprintln(w)
	}
	if unjudged > 0 {
		fmt.Fprintf(w, "%d findings of rules with no verdict on their site are not weighed\n", unjudged)
	}
}
