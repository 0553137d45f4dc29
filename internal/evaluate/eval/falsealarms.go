package eval

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"text/tabwriter"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// MaxSafeAlarmRate is the bar for rules with a safe fix: findings per 10,000 words of
// professionally proofread text.
const MaxSafeAlarmRate = 1.0

// AlarmSample is one finding on proofread text.
type AlarmSample struct {
	Path    string
	Line    int
	Message string
	Context string
}

// RuleAlarms is one rule's findings on proofread text.
type RuleAlarms struct {
	Rule     *lint.Rule
	Findings int
	Safe     int // findings with a safe fix
	Samples  []AlarmSample
}

// Rate returns all findings per 10,000 words.
func (r *RuleAlarms) Rate(words int) float64 { return rate(r.Findings, words) }

// SafeRate returns findings with a safe fix per 10,000 words.
func (r *RuleAlarms) SafeRate(words int) float64 { return rate(r.Safe, words) }

func rate(n, words int) float64 {
	if words == 0 {
		return 0
	}
	return float64(n) * 10000 / float64(words)
}

// FalseAlarms is the result of linting proofread books.
type FalseAlarms struct {
	Files, Words int
	Rules        []*RuleAlarms // every document rule, in registry order
}

// Missed reports whether a rule with safe fixes reaches the bar.
func (fa *FalseAlarms) Missed(r *RuleAlarms) bool {
	return HasSafeFix(r.Rule) && r.SafeRate(fa.Words) >= MaxSafeAlarmRate
}

// MeasureFalseAlarms runs every document rule over the articles under dir, text known to be
// clean, keeping up to samples findings of each rule.
func (e *Env) MeasureFalseAlarms(dir string, samples int) (*FalseAlarms, error) {
	fa := &FalseAlarms{}
	for _, r := range e.Reg.Rules() {
		if r.Run != nil {
			fa.Rules = append(fa.Rules, &RuleAlarms{Rule: r})
		}
	}
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && document.IsArticle(p) {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	if len(paths) == 0 {
		return nil, fmt.Errorf("no articles in %s", dir)
	}
	// Books are linted in parallel, each into its own tally, and the tallies added in path order.
	type tally struct {
		words          int
		findings, safe []int           // per rule
		samples        [][]AlarmSample // per rule, the first few
		err            error
	}
	tallies := make([]tally, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var p parse.Parser
			for i := range next {
				tl := &tallies[i]
				src, err := os.ReadFile(paths[i])
				if err != nil {
					tl.err = err
					continue
				}
				doc, err := p.Parse(paths[i], src, true)
				if err != nil {
					tl.err = fmt.Errorf("%s: %w", paths[i], err)
					continue
				}
				for _, t := range doc.Tokens {
					if t.Kind() == document.TokWord {
						tl.words++
					}
				}
				tl.findings, tl.safe = make([]int, len(fa.Rules)), make([]int, len(fa.Rules))
				tl.samples = make([][]AlarmSample, len(fa.Rules))
				for k, ra := range fa.Rules {
					for _, d := range lint.Check(ra.Rule, doc, lint.Options{}) {
						tl.findings[k]++
						if Safe(d) {
							tl.safe[k]++
						}
						if len(tl.samples[k]) < samples {
							line, _ := doc.Position(d.Start)
							tl.samples[k] = append(tl.samples[k], AlarmSample{Path: filepath.Base(paths[i]), Line: line, Message: d.Message, Context: context(src, d.Start, d.End, 40)})
						}
					}
				}
				p.Recycle(doc)
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	for i := range tallies {
		tl := &tallies[i]
		if tl.err != nil {
			return nil, tl.err
		}
		fa.Files++
		fa.Words += tl.words
		for k, ra := range fa.Rules {
			ra.Findings += tl.findings[k]
			ra.Safe += tl.safe[k]
			for _, x := range tl.samples[k] {
				if len(ra.Samples) < samples {
					ra.Samples = append(ra.Samples, x)
				}
			}
		}
	}
	return fa, nil
}

// Print writes the table: one row per rule, then with verbose the samples of each rule that has
// findings.
func (fa *FalseAlarms) Print(w io.Writer, rs *Rules, verbose bool) {
	fmt.Fprintf(w, "False alarms on proofread books: %d files, %d words; bar: below %.0f per 10,000 words for rules with a safe fix\n\n", fa.Files, fa.Words, MaxSafeAlarmRate)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "rule\tfix\tfindings\tper 10k words\tsafe-fix per 10k\ttarget\t")
	for _, ra := range fa.Rules {
		verdict := "-"
		if HasSafeFix(ra.Rule) {
			verdict = "ok"
			if fa.Missed(ra) {
				verdict = "MISSED"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f\t%.3f\t%s\t\n", ra.Rule.ID, rs.Status(ra.Rule.ID), ra.Findings, ra.Rate(fa.Words), ra.SafeRate(fa.Words), verdict)
	}
	for _, ir := range IssueRules {
		if rs.Lookup(ir.ID) == nil {
			fmt.Fprintf(tw, "%s\tnot registered\t\t\t\t\t\n", ir.ID)
		}
	}
	tw.Flush()
	for _, ra := range fa.Rules {
		if len(ra.Samples) == 0 || !verbose && !fa.Missed(ra) {
			continue
		}
		fmt.Fprintf(w, "\n  %s: %d findings, first %d:\n", ra.Rule.ID, ra.Findings, len(ra.Samples))
		for _, s := range ra.Samples {
			fmt.Fprintf(w, "    %s:%d: %s: %s\n", s.Path, s.Line, s.Message, s.Context)
		}
	}
	fmt.Fprintln(w)
}
