package eval

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// DateRules are the metadata rules of the dates issue, measured by MeasureDates.
var DateRules = []string{"date-missing", "date-invalid", "date-format", "date-future", "date-order", "title-missing"}

// DateRecall is each date rule's recall target on planted defects; precision must reach
// DatePrecision.
var DateRecall = map[string]float64{
	"date-missing": 1, "date-invalid": 1, "date-format": 0.95, "date-future": 0.95, "date-order": 0.95, "title-missing": 0.95,
}

// DatePrecision is the precision target of the date rules.
const DatePrecision = 0.95

// datesToday is "today" for the measurement: after every generated date.
var datesToday = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// houseLayout is the date layout the clean corpus is rewritten in, so that it has one house style.
const houseLayout = "2006-01-02"

// DateKindResult is one injection kind's result.
type DateKindResult struct {
	Kind, Rule           string
	Injected, Found      int
	Restorable, Restored int // date-format: the safe fix gives the clean article back
}

// DateRuleResult is one rule's result.
type DateRuleResult struct {
	Rule                 string
	Registered           bool
	Injected, Found      int
	Hits, FalseAlarms    int
	Beside               int // findings elsewhere in the article the defect is in, not counted
	Restorable, Restored int
	Examples             []string
}

// wholeArticle says whether a rule's findings are about the article, not a place in it: they
// point at the title or the top of the file, not at what was removed.
func wholeArticle(rule string) bool {
	return rule == "date-missing" || rule == "title-missing" || rule == "date-future"
}

// Recall returns found / injected.
func (r *DateRuleResult) Recall() float64 { return ratio(r.Found, r.Injected) }

// Precision returns hits over all findings.
func (r *DateRuleResult) Precision() float64 { return ratio(r.Hits, r.Hits+r.FalseAlarms) }

// DatesResult is the whole measurement.
type DatesResult struct {
	Articles, Bytes int
	CleanFindings   int
	Rules           []*DateRuleResult
	Kinds           []*DateKindResult
}

// dateArticle is a clean generated article with one date in the house format.
type dateArticle struct {
	name  string
	src   []byte
	doc   *document.Summary
	date  time.Time
	md    bool
	title document.Span
	body  int // where the first body paragraph starts, -1 when none
}

// MeasureDates generates clean articles, gives them all one house date format ("Date: " and
// 2006-01-02, or 2006-01-02 in front matter), and plants one metadata defect at a time in one
// article, linted together with its clean neighbours so that corpus rules (date-format) see an
// archive. It counts, per rule, what is found and what is reported that was not planted.
func (e *Env) MeasureDates(opts RoundTripOptions) (*DatesResult, error) {
	res := &DatesResult{}
	var rules []*lint.Rule
	for _, id := range DateRules {
		r, ok := e.Reg.Lookup(id)
		rr := &DateRuleResult{Rule: id, Registered: ok}
		res.Rules = append(res.Rules, rr)
		if ok {
			rules = append(rules, r)
		}
	}
	if len(rules) == 0 {
		return res, nil
	}
	reg, err := lint.NewRegistry(append(lint.Builtin(), rules...)...)
	if err != nil {
		return nil, err
	}
	eng := &engine.Engine{Registry: reg, Config: config.Default("."), Workers: 1, Today: datesToday}
	arts, err := cleanDateArticles(opts)
	if err != nil {
		return nil, err
	}
	res.Articles = len(arts)
	mine := map[string]bool{}
	for _, id := range DateRules {
		mine[id] = true
	}
	rule := func(id string) *DateRuleResult {
		for _, r := range res.Rules {
			if r.Rule == id {
				return r
			}
		}
		return nil
	}
	example := func(r *DateRuleResult, format string, args ...any) {
		if len(r.Examples) < maxExamples {
			r.Examples = append(r.Examples, fmt.Sprintf(format, args...))
		}
	}
	// The clean corpus, linted as one archive, has nothing to report.
	var inputs []engine.Input
	for _, a := range arts {
		inputs = append(inputs, engine.Input{Path: a.name, Src: a.src})
		res.Bytes += len(a.src)
	}
	for _, f := range eng.Lint(inputs).Files {
		if f.Err != nil {
			return nil, fmt.Errorf("%s: %w", f.Path, f.Err)
		}
		for _, d := range f.Diagnostics {
			if r := rule(d.Rule); r != nil {
				r.FalseAlarms++
				res.CleanFindings++
				example(r, "false alarm on clean %s: %s %s", f.Path, context(f.Summary.Src, d.Start, d.End, 30), d.Message)
			}
		}
	}
	kinds := map[string]*DateKindResult{}
	var kindOrder []string
	const neighbours = 8
	for i, a := range arts {
		r := rand.New(rand.NewPCG(uint64(opts.Seed), uint64(i)))
		for _, inj := range dateInjections {
			rr := rule(inj.rule)
			if !rr.Registered {
				continue
			}
			src, ok := inj.plant(a, r)
			if !ok {
				continue
			}
			kr := kinds[inj.kind]
			if kr == nil {
				kr = &DateKindResult{Kind: inj.kind, Rule: inj.rule}
				kinds[inj.kind] = kr
				kindOrder = append(kindOrder, inj.kind)
			}
			kr.Injected++
			rr.Injected++
			// Neighbours of the same kind: an archive is Markdown or plain-text exports.
			in := []engine.Input{{Path: a.name, Src: src}}
			for k := 1; len(in) <= neighbours && k < len(arts); k++ {
				if n := arts[(i+k)%len(arts)]; n.md == a.md {
					in = append(in, engine.Input{Path: n.name, Src: n.src})
				}
			}
			p, sfx := commonEnds(string(a.src), string(src))
			ps, pe := p, max(p, len(src)-sfx) // the planted bytes
			found := false
			var diags []lint.Diagnostic
			for _, f := range eng.Lint(in).Files {
				if f.Err != nil {
					return nil, fmt.Errorf("%s: %w", f.Path, f.Err)
				}
				for _, d := range f.Diagnostics {
					dr := rule(d.Rule)
					if dr == nil {
						continue
					}
					if f.Path == a.name && d.Rule == inj.rule {
						if !overlaps(d, ps, pe) && d.End > d.Start && !wholeArticle(inj.rule) {
							// Elsewhere in the article, a consequence of the defect: a later
							// event year read into the yearless dates after it.
							dr.Beside++
							example(dr, "reported beside a %s defect in %s: %s %s", inj.kind, a.name, context(f.Summary.Src, d.Start, d.End, 30), d.Message)
							continue
						}
						found = true
						dr.Hits++
						diags = append(diags, d)
						continue
					}
					if f.Path == a.name && slices.Contains(inj.also, d.Rule) {
						continue // another rule that rightly reports the same defect
					}
					dr.FalseAlarms++
					example(dr, "false alarm on a %s defect in %s (%s): %s %s", inj.kind, a.name, f.Path, context(f.Summary.Src, d.Start, d.End, 30), d.Message)
				}
			}
			if found {
				kr.Found++
				rr.Found++
			} else {
				example(rr, "missed %s in %s: %s", inj.kind, a.name, firstDiff(a.src, src))
			}
			if inj.restorable {
				kr.Restorable++
				rr.Restorable++
				fixed, err := fixers.Loop(src, diags, func([]byte) ([]lint.Diagnostic, error) { return nil, nil },
					Safe, 1)
				if err != nil {
					return nil, err
				}
				if bytes.Equal(fixed.Src, a.src) {
					kr.Restored++
					rr.Restored++
				} else {
					example(rr, "%s in %s not restored: fixed %s, original %s", inj.kind, a.name, firstDiff(a.src, fixed.Src), firstDiff(fixed.Src, a.src))
				}
			}
		}
	}
	for _, k := range kindOrder {
		res.Kinds = append(res.Kinds, kinds[k])
	}
	return res, nil
}

// cleanDateArticles generates articles and keeps those with a title and one date (a date line
// or a front matter date), rewritten in the house format.
func cleanDateArticles(opts RoundTripOptions) ([]*dateArticle, error) {
	var out []*dateArticle
	err := corpusgen.Generate(corpusgen.Options{Bytes: opts.Bytes, Seed: opts.Seed, MarkdownShare: -1}, func(a corpusgen.Article) error {
		doc, err := parse.Parse(a.Name, a.Body)
		if err != nil {
			return err
		}
		df := doc.Date
		if doc.Title == "" || df == nil || df.ParseErr != nil || df.Parsed.Err != nil || df.Span.End <= df.Span.Start ||
			df.Source != document.DateLine && df.Source != document.DateFrontMatter || len(doc.Dates) != 1 {
			return nil
		}
		start := df.Span.Start
		text := df.Parsed.Time().Format(houseLayout)
		if df.Source == document.DateLine {
			if df.LabelSpan.End > df.LabelSpan.Start {
				start = df.LabelSpan.Start
			}
			text = "Date: " + text
		} else if a.Body[0] == '+' && a.Body[df.Span.Start-1] != '"' {
			text = df.Parsed.Time().Format(houseLayout) // a TOML local date
		}
		src := append(append(append([]byte{}, a.Body[:start]...), text...), a.Body[df.Span.End:]...)
		doc2, err := parse.Parse(a.Name, src)
		if err != nil {
			return err
		}
		da := &dateArticle{name: a.Name, src: src, doc: doc2.Summary, date: df.Parsed.Time(), md: doc2.Format == document.FormatMarkdown, title: doc2.TitleSpan, body: -1}
		for i := range doc2.Blocks {
			b := &doc2.Blocks[i]
			if b.Role == document.RoleBody && b.Kind == document.KindParagraph && b.Prose.Start == b.Start && b.End-b.Start > 80 && isUpperASCII(src[b.Start]) {
				da.body = b.Start
				break
			}
		}
		if doc2.Date == nil || doc2.Date.Parsed.Time().Format(houseLayout) != text[len(text)-len(houseLayout):] {
			return nil
		}
		out = append(out, da)
		return nil
	})
	return out, err
}

// tomlBare reports whether the date is an unquoted TOML value, which must stay a TOML date.
func (a *dateArticle) tomlBare() bool {
	st := a.doc.Date.Span.Start
	return a.src[0] == '+' && st > 0 && a.src[st-1] != '"' && a.src[st-1] != '\''
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// A dateInjection plants one kind of metadata defect in a clean article.
type dateInjection struct {
	kind, rule string
	restorable bool // the rule's safe fix must give the clean article back
	// also lists rules that rightly report the same defect: a publication date moved into the
	// future puts the body's yearless dates after it, which date-order reports.
	also  []string
	plant func(a *dateArticle, r *rand.Rand) ([]byte, bool)
}

// replaceDate writes text in place of the article's date value (the label stays).
func replaceDate(a *dateArticle, text string) []byte {
	df := a.doc.Date
	return splice(a.src, df.Span.Start, df.Span.End, text)
}

func splice(src []byte, start, end int, text string) []byte {
	out := make([]byte, 0, len(src)+len(text))
	out = append(append(append(out, src[:start]...), text...), src[end:]...)
	return out
}

// lineBounds returns the line holding off, its line break included.
func lineBounds(src []byte, off int) (int, int) {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	end := bytes.IndexByte(src[off:], '\n')
	if end < 0 {
		return start, len(src)
	}
	return start, off + end + 1
}

var dateInjections = []dateInjection{
	{kind: "remove-date", rule: "date-missing", plant: func(a *dateArticle, _ *rand.Rand) ([]byte, bool) {
		ls, le := lineBounds(a.src, a.doc.Date.Span.Start)
		if !a.md && le < len(a.src) && a.src[le] == '\n' {
			le++ // the blank line after a date line
		}
		return splice(a.src, ls, le, ""), true
	}},
	{kind: "impossible-day", rule: "date-invalid", plant: func(a *dateArticle, r *rand.Rand) ([]byte, bool) {
		if a.tomlBare() {
			return nil, false // a TOML date that does not exist is a syntax error, the front-matter rule's
		}
		y := a.date.Year()
		bad := []string{fmt.Sprintf("%d-02-30", y), fmt.Sprintf("%d-04-31", y), fmt.Sprintf("%d-06-31", y), fmt.Sprintf("%d-11-31", y), fmt.Sprintf("%d-13-02", y)}
		return replaceDate(a, bad[r.IntN(len(bad))]), true
	}},
	{kind: "wrong-weekday", rule: "date-invalid", plant: func(a *dateArticle, r *rand.Rand) ([]byte, bool) {
		if a.md {
			return nil, false
		}
		wd := (a.date.Weekday() + time.Weekday(1+r.IntN(6))) % 7
		return replaceDate(a, wd.String()+", "+a.date.Format("January 2, 2006")), true
	}},
	{kind: "impossible-time", rule: "date-invalid", plant: func(a *dateArticle, r *rand.Rand) ([]byte, bool) {
		if a.md {
			return nil, false
		}
		return replaceDate(a, a.date.Format(houseLayout)+fmt.Sprintf(" %d:%02d", 24+r.IntN(6), r.IntN(60))), true
	}},
	{kind: "other-layout", rule: "date-format", restorable: true, plant: func(a *dateArticle, r *rand.Rand) ([]byte, bool) {
		layouts := []string{"Jan 2, 2006", "2 January 2006", "2006/01/02", "January 2, 2006", "2006.01.02"}
		if a.date.Month() < 10 || a.date.Day() < 10 {
			layouts = append(layouts, "2006-1-2")
		}
		if a.md {
			// In front matter, an unpadded date: the form real archives slip into.
			if a.date.Month() >= 10 && a.date.Day() >= 10 || a.tomlBare() {
				return nil, false
			}
			layouts = []string{"2006-1-2"}
		}
		return replaceDate(a, a.date.Format(layouts[r.IntN(len(layouts))])), true
	}},
	{kind: "other-label", rule: "date-format", restorable: true, plant: func(a *dateArticle, r *rand.Rand) ([]byte, bool) {
		df := a.doc.Date
		if a.md || df.LabelSpan.End <= df.LabelSpan.Start {
			return nil, false
		}
		labels := []string{"Publish Time: ", "Published: ", "Release Date: ", "Date:"}
		return splice(a.src, df.LabelSpan.Start, df.Span.Start, labels[r.IntN(len(labels))]), true
	}},
	{kind: "future-date", rule: "date-future", also: []string{"date-order"}, plant: func(a *dateArticle, r *rand.Rand) ([]byte, bool) {
		return replaceDate(a, datesToday.AddDate(0, 0, 1+r.IntN(900)).Format(houseLayout)), true
	}},
	{kind: "later-past-event", rule: "date-order", plant: func(a *dateArticle, r *rand.Rand) ([]byte, bool) {
		if a.body < 0 {
			return nil, false
		}
		ev := a.date.AddDate(0, 0, 2+r.IntN(60))
		var when string
		switch r.IntN(3) {
		case 0:
			when = "On " + ev.Format("January 2, 2006") + ","
		case 1:
			when = "On " + ev.Format("2 January 2006") + ","
		default:
			if ev.Year() != a.date.Year() {
				return nil, false
			}
			when = "On " + ev.Format("January 2") + ","
		}
		what := []string{"the committee met to review the plan", "the partners signed the agreement", "the new wing opened to visitors",
			"the delegation visited the laboratory", "the ceremony took place in the main hall", "the board approved the budget"}
		return splice(a.src, a.body, a.body, when+" "+what[r.IntN(len(what))]+". "), true
	}},
	{kind: "remove-title", rule: "title-missing", plant: func(a *dateArticle, _ *rand.Rand) ([]byte, bool) {
		if a.title.End <= a.title.Start {
			return nil, false
		}
		ls, le := lineBounds(a.src, a.title.Start)
		start := ls
		if !a.md {
			start = 0 // the label above the title would become the title
			for le < len(a.src) && a.src[le] == '\n' {
				le++
			}
		}
		out := splice(a.src, start, le, "")
		if doc, err := parse.Parse(a.name, out); err != nil || doc.Title != "" {
			return nil, false // the body's first line or heading is the title now
		}
		return out, true
	}},
}

// firstDiff shows where b differs from a.
func firstDiff(a, b []byte) string {
	p, s := commonEnds(string(a), string(b))
	return context(b, p, max(p, len(b)-s), 25)
}

// Failures lists the targets a registered date rule misses.
func (dr *DatesResult) Failures() []string {
	var out []string
	for _, r := range dr.Rules {
		if !r.Registered || r.Injected == 0 {
			continue
		}
		if r.Recall() < DateRecall[r.Rule] {
			out = append(out, fmt.Sprintf("%s: recall %s, target %.0f%%", r.Rule, percent(r.Found, r.Injected), 100*DateRecall[r.Rule]))
		}
		if r.Precision() < DatePrecision {
			out = append(out, fmt.Sprintf("%s: precision %s, target %.0f%%", r.Rule, percent(r.Hits, r.Hits+r.FalseAlarms), 100*DatePrecision))
		}
		if r.Restorable > 0 && r.Restored < r.Restorable {
			out = append(out, fmt.Sprintf("%s: restored %d/%d, target all", r.Rule, r.Restored, r.Restorable))
		}
	}
	return out
}

// Print writes the rule table and, with verbose, the kind table and the examples.
func (dr *DatesResult) Print(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "Dates and titles: %d clean generated articles (%d bytes) in one house date format, one metadata defect planted at a time and linted with %d clean neighbours of the same format as an archive\n", dr.Articles, dr.Bytes, 8)
	fmt.Fprintf(w, "Targets: recall 100%% for date-missing and date-invalid, 95%% for the others, precision %.0f%%; date-format's safe fix restores the article byte for byte\n\n", 100*DatePrecision)
	failing := map[string]bool{}
	for _, f := range dr.Failures() {
		failing[f[:strings.IndexByte(f, ':')]] = true
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "rule\tinjected\tfound\trecall\thits\tfalse alarms\tprecision\tbeside\trestored\ttarget\t")
	for _, r := range dr.Rules {
		if !r.Registered {
			fmt.Fprintf(tw, "%s\tnot registered\t\t\t\t\t\t\t\t\t\n", r.Rule)
			continue
		}
		restored := "-"
		if r.Restorable > 0 {
			restored = fmt.Sprintf("%d/%d", r.Restored, r.Restorable)
		}
		target := "ok"
		if failing[r.Rule] {
			target = "MISSED"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%d\t%d\t%s\t%d\t%s\t%s\t\n", r.Rule, r.Injected, r.Found, percent(r.Found, r.Injected),
			r.Hits, r.FalseAlarms, percent(r.Hits, r.Hits+r.FalseAlarms), r.Beside, restored, target)
	}
	tw.Flush()
	if verbose {
		fmt.Fprintln(w)
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "kind\trule\tinjected\tfound\trestored\t")
		for _, k := range dr.Kinds {
			restored := "-"
			if k.Restorable > 0 {
				restored = fmt.Sprintf("%d/%d", k.Restored, k.Restorable)
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t\n", k.Kind, k.Rule, k.Injected, k.Found, restored)
		}
		tw.Flush()
	}
	for _, r := range dr.Rules {
		if len(r.Examples) == 0 || !verbose && !failing[r.Rule] {
			continue
		}
		fmt.Fprintf(w, "\n  %s:\n", r.Rule)
		for _, x := range r.Examples {
			fmt.Fprintf(w, "    %s\n", x)
		}
	}
	fmt.Fprintln(w)
}
