// Package eval measures copydesk's rules against the quality bar of the rule-set issue: false
// alarms on proofread books, agreement with LanguageTool's and proselint's test sentences, real
// typo fixes from blog histories, and a round trip of planted defects through lint and fix.
package eval

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"
)

// Env lints and fixes texts with one rule registry at its default settings, as `copydesk lint`
// and `copydesk fix` do without a config file.
type Env struct {
	Reg *lint.Registry
	eng *engine.Engine
}

// New returns an Env for reg.
func New(reg *lint.Registry) *Env {
	return &Env{Reg: reg, eng: &engine.Engine{Registry: reg, Config: config.Default("."), Workers: 1}}
}

// Lint checks one text with the document rules; path's extension chooses the format.
func (e *Env) Lint(path string, src []byte) ([]lint.Diagnostic, error) {
	return e.eng.LintSource(engine.Input{Path: path, Src: src})
}

// Fix applies the fixes want accepts (nil: every safe fix) with fixers.Loop, relinting after
// each pass, as `copydesk fix` does; diags are src's diagnostics.
func (e *Env) Fix(path string, src []byte, diags []lint.Diagnostic, want func(lint.Diagnostic) bool) ([]byte, error) {
	if want == nil {
		want = Safe
	}
	relint := func(b []byte) ([]lint.Diagnostic, error) { return e.Lint(path, b) }
	res, err := fixers.Loop(src, diags, relint, want, 0)
	return res.Src, err
}

// Safe accepts the diagnostics whose fix is safe.
func Safe(d lint.Diagnostic) bool { return d.Fix != nil && d.Fix.Applicability == lint.Safe }

// HasSafeFix reports whether a rule offers safe fixes.
func HasSafeFix(r *lint.Rule) bool { return r.Fixable == lint.FixSafe || r.Fixable == lint.FixMixed }

// overlaps reports whether diagnostic d touches [start, end). An empty diagnostic touches the
// range when it sits inside it or at either edge.
func overlaps(d lint.Diagnostic, start, end int) bool {
	if d.Start == d.End {
		return start <= d.Start && d.Start <= end
	}
	return d.Start < end && start < d.End
}

// context returns src around [start, end) on one line, for reports.
func context(src []byte, start, end, width int) string {
	lo, hi := max(0, start-width), min(len(src), end+width)
	for lo > 0 && lo < len(src) && src[lo]&0xC0 == 0x80 {
		lo--
	}
	for hi < len(src) && src[hi]&0xC0 == 0x80 {
		hi++
	}
	var b bytes.Buffer
	if lo > 0 {
		b.WriteString("…")
	}
	b.Write(src[lo:start])
	b.WriteString("⟦")
	b.Write(src[start:min(end, len(src))])
	b.WriteString("⟧")
	b.Write(src[min(end, len(src)):hi])
	if hi < len(src) {
		b.WriteString("…")
	}
	return fmt.Sprintf("%q", b.String())
}

// percent formats n/d as a percentage, or "-" when d is 0.
func percent(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(d))
}

// ratio returns n/d, or 1 when d is 0.
func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
