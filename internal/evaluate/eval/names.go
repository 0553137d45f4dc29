package eval

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/nameconsistency"
	"github.com/copydesk/copydesk/rules/namevariant"
)

// NameKinds are the name variant kinds MeasureNames plants: the ways the names issue says a
// name goes wrong.
var NameKinds = []string{"typo", "plural", "joined", "split", "comma", "ampersand", "hyphen", "capital"}

// NameTargets are the names issue's targets per rule: recall, precision.
var NameTargets = map[string][2]float64{
	"name-variant":     {0.95, 0.98},
	"name-consistency": {0.80, 0.90},
}

// NameRuleResult is one name rule's result.
type NameRuleResult struct {
	Rule              string
	Glossary          bool // linted with the glossary of canonical names
	Injected, Found   int
	Hits, FalseAlarms int
	ByKind            map[string][2]int // kind → injected, found
	Examples          []string
}

// Recall returns found / injected.
func (r *NameRuleResult) Recall() float64 { return ratio(r.Found, r.Injected) }

// Precision returns hits over all findings.
func (r *NameRuleResult) Precision() float64 { return ratio(r.Hits, r.Hits+r.FalseAlarms) }

// NamesResult is the names measurement.
type NamesResult struct {
	Articles, Bytes, Names int
	Rules                  []*NameRuleResult
}

type nameInjection struct {
	path       string
	kind       string
	start, end int // the variant's bytes in the changed article
	was, now   string
}

// MeasureNames generates clean articles, takes the names they use at least five times as a
// glossary of canonical names only (no variants listed), plants one name variant of a kind in
// each article, and lints the whole archive: name-variant with the glossary, name-consistency
// without it (mining alone) and with it. A finding counts as a hit when it touches a planted
// variant; any other finding is a false alarm.
func (e *Env) MeasureNames(opts RoundTripOptions) (*NamesResult, error) {
	res := &NamesResult{}
	type art struct {
		name string
		src  []byte
	}
	var arts []art
	err := corpusgen.Generate(corpusgen.Options{Bytes: opts.Bytes, Seed: opts.Seed, MarkdownShare: 0.25}, func(a corpusgen.Article) error {
		arts = append(arts, art{a.Name, a.Body})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("generate articles: %w", err)
	}
	survey := nameconsistency.NewSurvey(lint.DefaultConfig("."))
	for _, a := range arts {
		doc, err := lint.Parse(a.name, a.src)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.name, err)
		}
		survey.Add(doc)
	}
	canon := survey.Frequent(5)
	res.Names = len(canon)
	var glossary []lint.NameEntry
	for _, n := range canon {
		glossary = append(glossary, lint.NameEntry{Name: n, Source: "generated glossary"})
	}
	// Longest names first, so that a shorter one inside a longer one is not chosen.
	sort.Slice(canon, func(i, j int) bool { return len(canon[i]) > len(canon[j]) })

	r := rand.New(rand.NewPCG(uint64(opts.Seed), 11))
	var injs []nameInjection
	var inputs []lint.Input
	for i, a := range arts {
		src := a.src
		kind := NameKinds[i%len(NameKinds)]
		if inj, out, ok := plantName(a.name, src, canon, kind, r); ok {
			injs = append(injs, inj)
			src = out
		}
		inputs = append(inputs, lint.Input{Path: a.name, Src: src})
		res.Bytes += len(src)
	}
	res.Articles = len(arts)

	withGlossary := lint.DefaultConfig(".")
	withGlossary.Names = glossary
	for _, run := range []struct {
		rule     *lint.Rule
		glossary bool
	}{{namevariant.Rule, true}, {nameconsistency.Rule, false}, {nameconsistency.Rule, true}} {
		cfg := lint.DefaultConfig(".")
		if run.glossary {
			cfg = withGlossary
		}
		reg, err := lint.NewRegistry(append(lint.Builtin(), run.rule)...)
		if err != nil {
			return nil, err
		}
		eng := &lint.Engine{Registry: reg, Config: cfg}
		rr := &NameRuleResult{Rule: run.rule.ID, Glossary: run.glossary, ByKind: map[string][2]int{}}
		res.Rules = append(res.Rules, rr)
		byPath := map[string][]lint.Diagnostic{}
		srcs := map[string][]byte{}
		for _, f := range eng.Lint(inputs).Files {
			if f.Err != nil {
				return nil, fmt.Errorf("%s: %w", f.Path, f.Err)
			}
			for _, d := range f.Diagnostics {
				if d.Rule == run.rule.ID {
					byPath[f.Path] = append(byPath[f.Path], d)
				}
			}
			srcs[f.Path] = f.Summary.Src
		}
		hit := map[string]map[int]bool{}
		for _, in := range injs {
			rr.Injected++
			k := rr.ByKind[in.kind]
			k[0]++
			found := false
			for i, d := range byPath[in.path] {
				if overlaps(d, in.start, in.end) {
					found = true
					if hit[in.path] == nil {
						hit[in.path] = map[int]bool{}
					}
					hit[in.path][i] = true
				}
			}
			if found {
				rr.Found++
				k[1]++
			} else if len(rr.Examples) < maxExamples {
				rr.Examples = append(rr.Examples, fmt.Sprintf("missed %s in %s: %q for %q", in.kind, in.path, in.now, in.was))
			}
			rr.ByKind[in.kind] = k
		}
		for path, ds := range byPath {
			for i, d := range ds {
				if hit[path][i] {
					rr.Hits++
					continue
				}
				rr.FalseAlarms++
				if len(rr.Examples) < 2*maxExamples {
					rr.Examples = append(rr.Examples, fmt.Sprintf("false alarm in %s: %s %s", path, context(srcs[path], d.Start, d.End, 30), d.Message))
				}
			}
		}
	}
	return res, nil
}

// plantName changes one body mention of a canonical name into a variant of kind.
func plantName(path string, src []byte, canon []string, kind string, r *rand.Rand) (nameInjection, []byte, bool) {
	doc, err := lint.Parse(path, src)
	if err != nil {
		return nameInjection{}, nil, false
	}
	type mention struct {
		start int
		name  string
	}
	var ms []mention
	taken := map[int]bool{}
	for _, b := range doc.Blocks {
		if b.Role != lint.RoleBody || b.Kind != lint.KindParagraph {
			continue
		}
		text := src[b.Prose.Start:b.Prose.End]
		for _, n := range canon {
			for off := 0; ; {
				i := bytes.Index(text[off:], []byte(n))
				if i < 0 {
					break
				}
				at := b.Prose.Start + off + i
				off += i + len(n)
				if taken[at] || at+len(n) < len(src) && isLetter(src[at+len(n)]) {
					continue
				}
				for k := at; k < at+len(n); k++ {
					taken[k] = true
				}
				ms = append(ms, mention{at, n})
			}
		}
	}
	r.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
	for _, m := range ms {
		v, ok := nameVariant(m.name, kind, r)
		if !ok {
			continue
		}
		out := append(append(append([]byte{}, src[:m.start]...), v...), src[m.start+len(m.name):]...)
		return nameInjection{path: path, kind: kind, start: m.start, end: m.start + len(v), was: m.name, now: v}, out, true
	}
	return nameInjection{}, nil, false
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= 0x80 }

var nameConnectors = map[string]bool{"of": true, "and": true, "for": true, "the": true}

// nameVariant writes a name the way kind says it goes wrong, or reports false when the name
// offers no place for it.
func nameVariant(name, kind string, r *rand.Rand) (string, bool) {
	ws := strings.Split(name, " ")
	pick := func(ok func(i int, w string) bool) int {
		var c []int
		for i, w := range ws {
			if ok(i, w) {
				c = append(c, i)
			}
		}
		if len(c) == 0 {
			return -1
		}
		return c[r.IntN(len(c))]
	}
	ascii := func(w string) bool {
		for i := 0; i < len(w); i++ {
			if !isLetter(w[i]) || w[i] >= 0x80 {
				return false
			}
		}
		return true
	}
	switch kind {
	case "typo": // a letter dropped or two swapped inside a long word
		i := pick(func(_ int, w string) bool { return len(w) >= 7 && ascii(w) })
		if i < 0 {
			return "", false
		}
		w := ws[i]
		p := 2 + r.IntN(len(w)-4)
		if r.IntN(2) == 0 {
			ws[i] = w[:p] + w[p+1:]
		} else if w[p] != w[p+1] {
			ws[i] = w[:p] + string(w[p+1]) + string(w[p]) + w[p+2:]
		} else {
			ws[i] = w[:p] + w[p+1:]
		}
	case "plural": // an inner word in the plural: Museum of Sciences and Technology
		i := pick(func(i int, w string) bool {
			return i < len(ws)-1 && len(w) >= 4 && ascii(w) && !nameConnectors[w] && !strings.HasSuffix(w, "s") && w[0] >= 'A' && w[0] <= 'Z'
		})
		if i < 0 {
			return "", false
		}
		ws[i] += "s"
	case "joined": // Anna Berg → Annaberg
		i := pick(func(i int, w string) bool {
			return i+1 < len(ws) && !nameConnectors[w] && !nameConnectors[ws[i+1]] && ascii(w) && ascii(ws[i+1])
		})
		if i < 0 {
			return "", false
		}
		ws[i] += strings.ToLower(ws[i+1])
		ws = append(ws[:i+1], ws[i+2:]...)
	case "split": // Silverlake → Silver lake
		i := pick(func(_ int, w string) bool { return len(w) >= 8 && ascii(w) })
		if i < 0 {
			return "", false
		}
		w := ws[i]
		p := 3 + r.IntN(len(w)-6)
		ws[i] = w[:p] + " " + w[p:]
	case "comma", "ampersand": // Science, Technology / Science & Technology
		i := pick(func(i int, w string) bool { return i > 0 && w == "and" })
		if i < 0 {
			return "", false
		}
		if kind == "comma" {
			ws[i-1] += ","
			ws = append(ws[:i], ws[i+1:]...)
		} else {
			ws[i] = "&"
		}
	case "hyphen": // Harbor City → Harbor-City
		i := pick(func(i int, w string) bool {
			return i+1 < len(ws) && !nameConnectors[w] && !nameConnectors[ws[i+1]]
		})
		if i < 0 {
			return "", false
		}
		ws[i] += "-" + ws[i+1]
		ws = append(ws[:i+1], ws[i+2:]...)
	case "capital": // a capital changed inside the name
		i := pick(func(i int, w string) bool { return i > 0 && w[0] >= 'A' && w[0] <= 'Z' && len(w) > 1 })
		if i < 0 {
			return "", false
		}
		ws[i] = strings.ToLower(ws[i][:1]) + ws[i][1:]
	default:
		return "", false
	}
	v := strings.Join(ws, " ")
	return v, v != name
}

// Print writes the names table.
func (res *NamesResult) Print(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "Names: one variant planted per article in %d clean generated articles (%.1f MB); glossary of %d canonical names mined from the clean text, no variants listed\n",
		res.Articles, float64(res.Bytes)/1e6, res.Names)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "rule\tglossary\tplanted\tfound\trecall\tprecision\tfalse alarms\tby kind (found/planted)\n")
	for _, r := range res.Rules {
		var kinds []string
		for _, k := range NameKinds {
			if c, ok := r.ByKind[k]; ok {
				kinds = append(kinds, fmt.Sprintf("%s %d/%d", k, c[1], c[0]))
			}
		}
		g := "no"
		if r.Glossary {
			g = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%d\t%s\n", r.Rule, g, r.Injected, r.Found, percent(r.Found, r.Injected), percent(r.Hits, r.Hits+r.FalseAlarms), r.FalseAlarms, strings.Join(kinds, ", "))
	}
	_ = tw.Flush()
	if verbose {
		for _, r := range res.Rules {
			for _, ex := range r.Examples {
				fmt.Fprintf(w, "  %s: %s\n", r.Rule, ex)
			}
		}
	}
	fmt.Fprintln(w)
}

// Failures lists the targets missed.
func (res *NamesResult) Failures() []string {
	var out []string
	for _, r := range res.Rules {
		t := NameTargets[r.Rule]
		if r.Rule == "name-consistency" && r.Glossary {
			continue // the target is for mining alone
		}
		if r.Recall() < t[0] {
			out = append(out, fmt.Sprintf("%s: recall %s, target %.0f %%", r.Rule, percent(r.Found, r.Injected), 100*t[0]))
		}
		if r.Precision() < t[1] {
			out = append(out, fmt.Sprintf("%s: precision %s, target %.0f %%", r.Rule, percent(r.Hits, r.Hits+r.FalseAlarms), 100*t[1]))
		}
	}
	return out
}
