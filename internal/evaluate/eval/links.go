package eval

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"path"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// LinkRules are the links rules of the dates-and-links issue, measured by MeasureLinks.
var LinkRules = []string{"nav-link-broken", "nav-link-mismatch", "nav-link-order", "link-broken"}

// LinkRecall is each links rule's recall target on planted defects; precision must reach
// LinkPrecision.
var LinkRecall = map[string]float64{"nav-link-broken": 1, "nav-link-mismatch": 1, "nav-link-order": 0.95, "link-broken": 0.95}

// LinkPrecision is the precision target of the links rules.
const LinkPrecision = 0.95

// linkTrials bounds the trials of each injection kind.
const linkTrials = 40

// LinkRuleResult is one rule's result.
type LinkRuleResult struct {
	Rule                 string
	Registered           bool
	Injected, Found      int
	Hits, FalseAlarms    int
	Restorable, Restored int // the unsafe fix gives the clean archive back
	Examples             []string
}

// Recall returns found / injected.
func (r *LinkRuleResult) Recall() float64 { return ratio(r.Found, r.Injected) }

// Precision returns hits over all findings that were not in the clean archive.
func (r *LinkRuleResult) Precision() float64 { return ratio(r.Hits, r.Hits+r.FalseAlarms) }

// LinksResult is the whole measurement.
type LinksResult struct {
	Articles, Bytes int
	CleanFindings   int
	Rules           []*LinkRuleResult
	Kinds           []*DateKindResult
}

// linkArchive is a clean generated archive: one previous/next chain, oldest first.
type linkArchive struct {
	paths   []string
	src     map[string][]byte
	sums    []*document.Summary
	byTitle map[string]int // unique titles only
}

// linkTrial is one planted defect: the files it changes, where the rule must report it, and
// findings that other rules (or the same rule elsewhere) rightly add.
type linkTrial struct {
	kind, rule string
	edits      map[string][]byte
	expect     []string // paths where rule must report
	allowed    map[string]bool
	restorable bool
}

// MeasureLinks generates a clean archive whose previous/next chain is consistent, plants one
// links defect at a time (a typo in a title or path link, a back link naming another article,
// two articles' dates swapped, a next link closing a cycle, a relative Markdown link to a
// missing file, and, as a control, one to an existing article), lints the whole archive and
// counts per rule what is found and what is reported that was not planted. Unsafe fixes of the
// typo and back-link defects must give the clean archive back.
func (e *Env) MeasureLinks(opts RoundTripOptions) (*LinksResult, error) {
	res := &LinksResult{}
	var rules []*lint.Rule
	for _, id := range LinkRules {
		r, ok := e.Reg.Lookup(id)
		res.Rules = append(res.Rules, &LinkRuleResult{Rule: id, Registered: ok})
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
	a, err := newLinkArchive(opts)
	if err != nil {
		return nil, err
	}
	res.Articles = len(a.paths)
	known := &lint.KnownFiles{Roots: []string{"archive"}, Files: map[string]bool{}}
	for _, p := range a.paths {
		known.Files[p] = true
		res.Bytes += len(a.src[p])
	}
	// The archive keeps its leaflets beside the articles: link-broken judges
	// links to PDFs only where the walked folders hold some.
	known.Files["archive/leaflets/annual-programme.pdf"] = true
	eng := &engine.Engine{Registry: reg, Config: config.Default("."), Today: datesToday, KnownFiles: known}
	rule := func(id string) *LinkRuleResult {
		for _, r := range res.Rules {
			if r.Rule == id {
				return r
			}
		}
		return nil
	}
	example := func(r *LinkRuleResult, format string, args ...any) {
		if len(r.Examples) < maxExamples {
			r.Examples = append(r.Examples, fmt.Sprintf(format, args...))
		}
	}
	lintWith := func(edits map[string][]byte) (*engine.Result, error) {
		inputs := make([]engine.Input, 0, len(a.paths))
		for _, p := range a.paths {
			src := a.src[p]
			if b, ok := edits[p]; ok {
				src = b
			}
			inputs = append(inputs, engine.Input{Path: p, Src: src})
		}
		r := eng.Lint(inputs)
		for _, f := range r.Files {
			if f.Err != nil {
				return nil, fmt.Errorf("%s: %w", f.Path, f.Err)
			}
		}
		return r, nil
	}
	// What the clean archive reports (titles the parser misreads make a few) is the baseline.
	clean, err := lintWith(nil)
	if err != nil {
		return nil, err
	}
	baseline := map[string]bool{}
	for _, d := range clean.Diagnostics() {
		baseline[d.Path+"\x00"+d.Rule+"\x00"+d.Message] = true
		res.CleanFindings++
	}
	kinds := map[string]*DateKindResult{}
	r := rand.New(rand.NewPCG(uint64(opts.Seed), 7))
	for _, t := range a.trials(r) {
		rr := rule(t.rule)
		if !rr.Registered {
			continue
		}
		kr := kinds[t.kind]
		if kr == nil {
			kr = &DateKindResult{Kind: t.kind, Rule: t.rule}
			kinds[t.kind] = kr
			res.Kinds = append(res.Kinds, kr)
		}
		kr.Injected++ // a control counts its trials; what it reports is a false alarm
		if len(t.expect) > 0 {
			rr.Injected++
		}
		out, err := lintWith(t.edits)
		if err != nil {
			return nil, err
		}
		found := false
		var fixes = map[string][]lint.Fix{}
		for _, f := range out.Files {
			for _, d := range f.Diagnostics {
				dr := rule(d.Rule)
				if dr == nil || baseline[d.Path+"\x00"+d.Rule+"\x00"+d.Message] {
					continue
				}
				switch {
				case d.Rule == t.rule && slices.Contains(t.expect, d.Path):
					found = true
					dr.Hits++
					if d.Fix != nil {
						fixes[d.Path] = append(fixes[d.Path], *d.Fix)
					}
				case t.allowed[d.Rule+"\x00"+d.Path]:
				default:
					dr.FalseAlarms++
					example(dr, "false alarm on a %s defect: %s: %s", t.kind, d.Path, d.Message)
				}
			}
		}
		if len(t.expect) == 0 {
			continue
		}
		if found {
			kr.Found++
			rr.Found++
		} else {
			var got []string
			for _, f := range out.Files {
				for _, d := range f.Diagnostics {
					if !baseline[d.Path+"\x00"+d.Rule+"\x00"+d.Message] {
						got = append(got, d.Path+": ["+d.Rule+"] "+d.Message)
					}
				}
			}
			example(rr, "missed %s in %s (reported instead: %s)", t.kind, strings.Join(t.expect, ", "), strings.Join(got, "; "))
		}
		if t.restorable {
			kr.Restorable++
			rr.Restorable++
			ok := true
			for p, b := range t.edits {
				fixed := b
				if fs := fixes[p]; len(fs) > 0 {
					edits, _ := fixers.Merge(b, fs)
					fixed = fixers.Apply(b, edits)
				}
				if !bytes.Equal(fixed, a.src[p]) {
					ok = false
					example(rr, "the fix of a %s defect in %s does not restore the article: %s", t.kind, p, firstDiff(a.src[p], fixed))
				}
			}
			if ok {
				kr.Restored++
				rr.Restored++
			}
		}
	}
	return res, nil
}

func newLinkArchive(opts RoundTripOptions) (*linkArchive, error) {
	a := &linkArchive{src: map[string][]byte{}, byTitle: map[string]int{}}
	dup := map[string]bool{}
	err := corpusgen.Generate(corpusgen.Options{Bytes: opts.Bytes, Seed: opts.Seed, MarkdownShare: -1}, func(g corpusgen.Article) error {
		p := "archive/" + g.Name
		doc, err := parse.Parse(p, g.Body)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if _, ok := a.byTitle[doc.Title]; ok {
			dup[doc.Title] = true
		}
		a.byTitle[doc.Title] = len(a.paths)
		a.paths = append(a.paths, p)
		a.src[p] = g.Body
		a.sums = append(a.sums, doc.Summary)
		return nil
	})
	for t := range dup {
		delete(a.byTitle, t)
	}
	return a, err
}

// safeTitle reports a title that can replace another inside any quoting the generator uses.
func safeTitle(t string) bool {
	return t != "" && !strings.ContainsAny(t, "\"\\:#'\n")
}

// typo swaps two different adjacent ASCII letters in the middle of s; ok is false when s has none.
func typo(s string) (string, bool) {
	b := []byte(s)
	for k := len(b)/2 - 1; k+1 < len(b); k++ {
		x, y := b[k], b[k+1]
		if x != y && isLowerASCII(x) && isLowerASCII(y) {
			b[k], b[k+1] = y, x
			return string(b), true
		}
	}
	return "", false
}

func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }

func replaceSpan(src []byte, sp document.Span, text string) []byte {
	out := append([]byte(nil), src[:sp.Start]...)
	out = append(out, text...)
	return append(out, src[sp.End:]...)
}

// navLink returns article i's first link in direction dir whose target is written at a known
// place, and the article it names in the chain (by unique title, or by chain position for
// path links).
func (a *linkArchive) navLink(i int, dir document.NavDir) (*document.NavLink, int, bool) {
	for k := range a.sums[i].Nav {
		l := &a.sums[i].Nav[k]
		if l.Dir != dir || l.Span.End <= l.Span.Start || string(a.src[a.paths[i]][l.Span.Start:l.Span.End]) != l.Target {
			continue
		}
		if l.IsPath {
			j := i + 1
			if dir == document.NavPrev {
				j = i - 1
			}
			return l, j, j >= 0 && j < len(a.paths)
		}
		j, ok := a.byTitle[l.Target]
		return l, j, ok
	}
	return nil, 0, false
}

// links reports whether article i's link in direction dir names article j.
func (a *linkArchive) links(i int, dir document.NavDir, j int) bool {
	_, k, ok := a.navLink(i, dir)
	return ok && k == j
}

func (a *linkArchive) day(i int) (int, bool) {
	d := a.sums[i].Date
	if d == nil || d.ParseErr != nil || d.Parsed.Err != nil || d.Parsed.Ambiguous {
		return 0, false
	}
	return d.Parsed.Year*10000 + d.Parsed.Month*100 + d.Parsed.Day, true
}

// trials plans every injection, at most linkTrials of each kind, at random places.
func (a *linkArchive) trials(r *rand.Rand) []linkTrial {
	var out []linkTrial
	n := len(a.paths)
	order := r.Perm(n)
	count := map[string]int{}
	add := func(t linkTrial) {
		if count[t.kind] < linkTrials {
			count[t.kind]++
			out = append(out, t)
		}
	}
	allow := func(pairs ...string) map[string]bool {
		m := map[string]bool{}
		for k := 0; k+1 < len(pairs); k += 2 {
			m[pairs[k]+"\x00"+pairs[k+1]] = true
		}
		return m
	}
	for _, i := range order {
		p := a.paths[i]
		src := a.src[p]
		// A typo in a link: the target no longer matches; the fix restores it.
		for _, dir := range []document.NavDir{document.NavNext, document.NavPrev} {
			if l, _, ok := a.navLink(i, dir); ok {
				if bad, ok := typo(l.Target); ok {
					kind := "typo in a title link"
					if l.IsPath {
						kind = "typo in a path link"
					}
					add(linkTrial{kind: kind, rule: "nav-link-broken", edits: map[string][]byte{p: replaceSpan(src, l.Span, bad)}, expect: []string{p}, restorable: true})
				}
				break
			}
		}
		// A back link naming an older article instead of the one before, which names this one as
		// its next (otherwise nothing says which article should come before).
		if l, prev, ok := a.navLink(i, document.NavPrev); ok && !l.IsPath && prev > 1 && a.links(prev, document.NavNext, i) {
			c := r.IntN(prev - 1)
			if ct := a.sums[c].Title; safeTitle(ct) && a.byTitle[ct] == c {
				pc := a.paths[c]
				// The finding goes where the evidence puts the fix: on this back link, or on the
				// named article's next link when that one has nothing to confirm it.
				add(linkTrial{kind: "back link names another article", rule: "nav-link-mismatch",
					edits: map[string][]byte{p: replaceSpan(src, l.Span, ct)}, expect: []string{p, pc}, restorable: true,
					allowed: allow("nav-link-order", p)})
			}
		}
		// Two neighbours' dates swapped (plain-text date lines).
		if l, next, ok := a.navLink(i, document.NavNext); ok && !l.IsPath {
			q := a.paths[next]
			d1, d2 := a.sums[i].Date, a.sums[next].Date
			x, ok1 := a.day(i)
			y, ok2 := a.day(next)
			if ok1 && ok2 && x < y && d1.Source == document.DateLine && d2.Source == document.DateLine && d1.Span.End > d1.Span.Start && d2.Span.End > d2.Span.Start {
				add(linkTrial{kind: "dates of neighbours swapped", rule: "nav-link-order",
					edits:  map[string][]byte{p: replaceSpan(src, d1.Span, d2.Raw), q: replaceSpan(a.src[q], d2.Span, d1.Raw)},
					expect: []string{p}, allowed: allow("nav-link-order", q)})
			}
		}
		// A next link pointing three articles back closes a cycle (where the three before link on).
		if l, _, ok := a.navLink(i, document.NavNext); ok && !l.IsPath && i >= 3 && a.links(i-3, document.NavNext, i-2) && a.links(i-2, document.NavNext, i-1) && a.links(i-1, document.NavNext, i) {
			back := a.sums[i-3].Title
			if safeTitle(back) && a.byTitle[back] == i-3 {
				var cyc []string
				al := map[string]bool{}
				for k := i - 3; k <= min(i+1, n-1); k++ {
					cyc = append(cyc, a.paths[k])
					al["nav-link-mismatch\x00"+a.paths[k]] = true
					al["nav-link-order\x00"+a.paths[k]] = true
				}
				add(linkTrial{kind: "next link closes a cycle", rule: "nav-link-order", edits: map[string][]byte{p: replaceSpan(src, l.Span, back)}, expect: cyc, allowed: al})
			}
		}
		// Relative Markdown links: to a missing file, and, as a control, to an existing article.
		if a.sums[i].Format == document.FormatMarkdown {
			other := a.paths[(i+1)%n]
			rel := relPath(path.Dir(p), other)
			body := bytes.TrimRight(src, "\n")
			broken := append(append([]byte(nil), body...), fmt.Sprintf("\n\nThe programme is in [the leaflet](leaflets/%s-programme.pdf).\n", strings.TrimSuffix(path.Base(p), path.Ext(p)))...)
			add(linkTrial{kind: "relative link to a missing file", rule: "link-broken", edits: map[string][]byte{p: broken}, expect: []string{p}})
			good := append(append([]byte(nil), body...), fmt.Sprintf("\n\nSee also [the earlier story](%s).\n", rel)...)
			add(linkTrial{kind: "relative link to an article (control)", rule: "link-broken", edits: map[string][]byte{p: good}})
		}
	}
	return out
}

// relPath returns the relative path from folder dir to file p, both slash-separated.
func relPath(dir, p string) string {
	ds, ps := strings.Split(dir, "/"), strings.Split(p, "/")
	k := 0
	for k < len(ds) && k < len(ps)-1 && ds[k] == ps[k] {
		k++
	}
	return strings.Repeat("../", len(ds)-k) + strings.Join(ps[k:], "/")
}

// Failures lists the rules that miss their recall or precision target.
func (res *LinksResult) Failures() []string {
	var out []string
	for _, r := range res.Rules {
		if !r.Registered || r.Injected == 0 {
			continue
		}
		if r.Recall() < LinkRecall[r.Rule] {
			out = append(out, fmt.Sprintf("%s: recall %s on planted links defects, target %.0f %%", r.Rule, percent(r.Found, r.Injected), 100*LinkRecall[r.Rule]))
		}
		if r.Hits+r.FalseAlarms > 0 && r.Precision() < LinkPrecision {
			out = append(out, fmt.Sprintf("%s: precision %s on planted links defects, target %.0f %%", r.Rule, percent(r.Hits, r.Hits+r.FalseAlarms), 100*LinkPrecision))
		}
	}
	return out
}

// Print writes the result as tables.
func (res *LinksResult) Print(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "Links: one defect at a time planted in a generated archive of %d articles (%.1f MB, one previous/next chain; the clean archive reports %d, left out below)\n\n",
		res.Articles, float64(res.Bytes)/1e6, res.CleanFindings)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "rule\tplanted\tfound\trecall\ttarget\tfindings\tfalse alarms\tprecision\tfix restores")
	for _, r := range res.Rules {
		if !r.Registered {
			fmt.Fprintf(tw, "%s\tnot registered\t\t\t\t\t\t\t\n", r.Rule)
			continue
		}
		restores := "-"
		if r.Restorable > 0 {
			restores = fmt.Sprintf("%d/%d", r.Restored, r.Restorable)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%.0f %%\t%d\t%d\t%s\t%s\n", r.Rule, r.Injected, r.Found, percent(r.Found, r.Injected), 100*LinkRecall[r.Rule],
			r.Hits+r.FalseAlarms, r.FalseAlarms, percent(r.Hits, r.Hits+r.FalseAlarms), restores)
	}
	_ = tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "defect planted\trule\tplanted\tfound")
	for _, k := range res.Kinds {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\n", k.Kind, k.Rule, k.Injected, k.Found)
	}
	_ = tw.Flush()
	fmt.Fprintln(w)
	if verbose {
		for _, r := range res.Rules {
			for _, ex := range r.Examples {
				fmt.Fprintf(w, "  %s: %s\n", r.Rule, ex)
			}
		}
		fmt.Fprintln(w)
	}
}
