package eval

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/rules/nameconsistency"
	"github.com/copydesk/copydesk/rules/namevariant"
)

// NameKinds are the name variant kinds MeasureNames plants: the ways the names issue says a
// name goes wrong, letter slips in words of five, six and seven letters or more.
var NameKinds = []string{"drop-6", "drop-7+", "swap-5", "swap-6", "swap-7+", "plural", "joined", "split",
	"comma", "ampersand", "hyphen", "lowercase", "of-for", "dropped-word", "swapped-names"}

// NameTargets are the names issue's targets per rule: recall, precision. name-variant is
// measured with the glossary, name-consistency with none (mining alone).
var NameTargets = map[string][2]float64{
	"name-variant":     {0.95, 0.98},
	"name-consistency": {0.90, 0.95},
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

// NameSet is the measurement on one set of articles.
type NameSet struct {
	Name                   string
	Articles, Bytes, Names int
	Rules                  []*NameRuleResult
}

// NamesResult is the names measurement: generated articles, and real prose carrying names.
type NamesResult struct {
	Sets []*NameSet
}

type nameInjection struct {
	path       string
	kind       string
	start, end int // the variant's bytes in the changed article
	was, now   string
}

type nameArticle struct {
	name string
	src  []byte
}

// MeasureNames generates clean articles and measures the name rules on them; when prose names
// the folder of proofread books, it measures them again on articles of real paragraphs from
// the books with names of the generated archive written into them (see proseArticles).
func (e *Env) MeasureNames(opts RoundTripOptions, prose string) (*NamesResult, error) {
	var arts []nameArticle
	err := corpusgen.Generate(corpusgen.Options{Bytes: opts.Bytes, Seed: opts.Seed, MarkdownShare: 0.25}, func(a corpusgen.Article) error {
		arts = append(arts, nameArticle{a.Name, a.Body})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("generate articles: %w", err)
	}
	res := &NamesResult{}
	set, canon, err := measureNameSet("generated articles", arts, opts.Seed)
	if err != nil {
		return nil, err
	}
	res.Sets = append(res.Sets, set)
	if prose != "" {
		parts, err := proseArticles(prose, canon, len(arts), opts.Seed)
		if err != nil {
			return nil, err
		}
		set, _, err := measureNameSet("real prose from the proofread books, names written in", parts, opts.Seed)
		if err != nil {
			return nil, err
		}
		res.Sets = append(res.Sets, set)
	}
	return res, nil
}

// measureNameSet takes the names the articles use at least five times in two of them or more
// as a glossary of canonical names only (no variants listed), plants one name variant in each
// article, and lints the whole set: name-variant with the glossary, name-consistency without
// it (mining alone). A finding counts as a hit when it touches a planted variant; any other
// finding is a false alarm.
func measureNameSet(title string, arts []nameArticle, seed int64) (*NameSet, []string, error) {
	res := &NameSet{Name: title}
	survey := nameconsistency.NewSurvey()
	for _, a := range arts {
		doc, err := parse.Parse(a.name, a.src)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", a.name, err)
		}
		survey.Add(doc)
	}
	canon := survey.Frequent(5, 2)
	res.Names = len(canon)
	var glossary []lint.NameEntry
	for _, n := range canon {
		glossary = append(glossary, lint.NameEntry{Name: n, Source: "generated glossary"})
	}
	// Longest names first, so that a shorter one inside a longer one is not chosen.
	byLen := append([]string{}, canon...)
	sort.SliceStable(byLen, func(i, j int) bool { return len(byLen[i]) > len(byLen[j]) })

	r := rand.New(rand.NewPCG(uint64(seed), 11))
	var injs []nameInjection
	var inputs []engine.Input
	used := map[string]bool{}
	planted := map[string]int{}
	for _, a := range arts {
		src := a.src
		// the kind planted least so far where the article's names offer a place for it
		kinds := append([]string{}, NameKinds...)
		sort.SliceStable(kinds, func(i, j int) bool { return planted[kinds[i]] < planted[kinds[j]] })
		for _, kind := range kinds {
			if inj, out, ok := plantName(a.name, src, byLen, kind, r, used); ok {
				injs = append(injs, inj)
				planted[kind]++
				src = out
				break
			}
		}
		inputs = append(inputs, engine.Input{Path: a.name, Src: src})
		res.Bytes += len(src)
	}
	res.Articles = len(arts)

	withGlossary := config.Default(".")
	withGlossary.Names = glossary
	for _, run := range []struct {
		rule     *lint.Rule
		glossary bool
	}{{namevariant.Rule, true}, {nameconsistency.Rule, false}} {
		cfg := config.Default(".")
		if run.glossary {
			cfg = withGlossary
		}
		reg, err := lint.NewRegistry(append(lint.Builtin(), run.rule)...)
		if err != nil {
			return nil, nil, err
		}
		eng := &engine.Engine{Registry: reg, Config: cfg}
		rr := &NameRuleResult{Rule: run.rule.ID, Glossary: run.glossary, ByKind: map[string][2]int{}}
		res.Rules = append(res.Rules, rr)
		byPath := map[string][]lint.Diagnostic{}
		srcs := map[string][]byte{}
		for _, f := range eng.Lint(inputs).Files {
			if f.Err != nil {
				return nil, nil, fmt.Errorf("%s: %w", f.Path, f.Err)
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
		paths := make([]string, 0, len(byPath))
		for p := range byPath {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for _, path := range paths {
			for i, d := range byPath[path] {
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
	return res, canon, nil
}

// proseArticles makes n articles of real paragraphs from the books in dir, five paragraphs
// each, in the books' order, and writes into each some of the names of canon (invented
// organisations and people of the generated archive) in short sentences between the book's
// own, each name in several articles. The books' text is only read, never kept.
func proseArticles(dir string, canon []string, n int, seed int64) ([]nameArticle, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("proofread books in %s: none found", dir)
	}
	sort.Strings(files)
	var paras []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read a proofread book: %w", err)
		}
		text := strings.ReplaceAll(string(b), "\r\n", "\n")
		got := 0
		for _, p := range strings.Split(text, "\n\n") {
			p = strings.TrimSpace(p)
			if len(p) < 300 || len(p) > 2000 || strings.ContainsAny(p, "[]_*#<>|") || strings.Count(p, ". ") < 3 {
				continue
			}
			paras = append(paras, p)
			if got++; got >= 5*n/len(files)+5 {
				break
			}
		}
	}
	r := rand.New(rand.NewPCG(uint64(seed), 13))
	pool := append([]string{}, canon...)
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	pool = pool[:min(len(pool), max(1, n/4))]
	things := []string{"A letter came from the %s that week.", "Nobody at the %s had heard of it.", "They wrote to the %s again.", "The %s sent its regards."}
	people := []string{"A letter came from %s that week.", "Nobody but %s had heard of it.", "They wrote to %s again.", "It was %s who answered."}
	var out []nameArticle
	for i := 0; i < n && 5*i+5 <= len(paras); i++ {
		ps := append([]string{}, paras[5*i:5*i+5]...)
		for k := range 3 {
			name := pool[(3*i+k)%len(pool)]
			tpl := things
			if corpusgen.GivenName(strings.Fields(name)[0]) {
				tpl = people
			}
			for range 2 {
				pi := r.IntN(len(ps))
				p := ps[pi]
				var at []int
				for j := 0; j+2 < len(p); j++ {
					if p[j] == '.' && p[j+1] == ' ' && p[j+2] >= 'A' && p[j+2] <= 'Z' {
						at = append(at, j+2)
					}
				}
				if len(at) == 0 {
					continue
				}
				j := at[r.IntN(len(at))]
				ps[pi] = p[:j] + fmt.Sprintf(tpl[r.IntN(len(tpl))], name) + " " + p[j:]
			}
		}
		out = append(out, nameArticle{fmt.Sprintf("prose/notes-%03d.txt", i), []byte(fmt.Sprintf("Reading notes %d\n\n%s\n", i+1, strings.Join(ps, "\n\n")))})
	}
	return out, nil
}

// plantName changes one body mention of a canonical name into a variant of kind.
func plantName(path string, src []byte, canon []string, kind string, r *rand.Rand, used map[string]bool) (nameInjection, []byte, bool) {
	doc, err := parse.Parse(path, src)
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
		if b.Role != document.RoleBody || b.Kind != document.KindParagraph {
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
				if taken[at] || at+len(n) < len(src) && isWordByte(src[at+len(n)]) || inLongerName(src, at, at+len(n)) {
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
		if !ok || used[v] {
			continue // a slip made twice would be planted in two articles: a spelling of its own
		}
		used[v] = true
		out := append(append(append([]byte{}, src[:m.start]...), v...), src[m.start+len(m.name):]...)
		return nameInjection{path: path, kind: kind, start: m.start, end: m.start + len(v), was: m.name, now: v}, out, true
	}
	return nameInjection{}, nil, false
}

// inLongerName: the mention at start..end is part of a longer capitalised run (Juniper Coast
// in Juniper Coast Institute of Technology), a mention of the longer name, not of this one.
func inLongerName(src []byte, start, end int) bool {
	if end+1 < len(src) && src[end] == ' ' && src[end+1] >= 'A' && src[end+1] <= 'Z' {
		return true
	}
	i := start - 1
	if i < 1 || src[i] != ' ' {
		return false
	}
	j := i
	for j > 0 && isWordByte(src[j-1]) {
		j--
	}
	prev := string(src[j:i])
	return prev != "" && prev[0] >= 'A' && prev[0] <= 'Z' && !nameStarters[strings.ToLower(prev)]
}

// nameStarters stand before names at the start of a sentence or as titles.
var nameStarters = map[string]bool{"the": true, "a": true, "an": true, "in": true, "at": true, "by": true, "for": true,
	"from": true, "with": true, "dr": true, "mr": true, "mrs": true, "ms": true, "professor": true, "director": true}

// isWordByte reports a byte of a word: an ASCII letter, or any byte of a
// non-ASCII character, so that "Zoë" reads as one word.
func isWordByte(c byte) bool { return isASCIILetter(c) || c >= 0x80 }

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
			if !isASCIILetter(w[i]) {
				return false
			}
		}
		return true
	}
	capital := func(w string) bool { return len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' }
	slipWord := func(ok func(n int) bool) int {
		return pick(func(_ int, w string) bool { return ascii(w) && capital(w) && !nameConnectors[w] && ok(len(w)) })
	}
	switch kind {
	case "drop-6", "drop-7+": // a letter dropped inside a word: Haoin for Haolin
		i := slipWord(func(n int) bool { return n == 6 || kind == "drop-7+" && n >= 7 })
		if i < 0 {
			return "", false
		}
		w := ws[i]
		p := 1 + r.IntN(len(w)-2)
		ws[i] = w[:p] + w[p+1:]
	case "swap-5", "swap-6", "swap-7+": // two letters swapped inside a word, the last one kept
		i := slipWord(func(n int) bool {
			return kind == "swap-5" && n == 5 || kind == "swap-6" && n == 6 || kind == "swap-7+" && n >= 7
		})
		if i < 0 {
			return "", false
		}
		w := ws[i]
		var at []int
		for p := 1; p+2 < len(w); p++ {
			if w[p] != w[p+1] {
				at = append(at, p)
			}
		}
		if len(at) == 0 {
			return "", false
		}
		p := at[r.IntN(len(at))]
		ws[i] = w[:p] + string(w[p+1]) + string(w[p]) + w[p+2:]
	case "plural": // an inner word in the plural: Museum of Sciences and Technology
		i := pick(func(i int, w string) bool {
			return i < len(ws)-1 && len(w) >= 4 && ascii(w) && !nameConnectors[w] && !strings.HasSuffix(w, "s") && capital(w)
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
	case "lowercase": // an inner word lower-cased: Academy of science and Technology
		i := pick(func(i int, w string) bool { return i > 0 && i < len(ws)-1 && capital(w) && w[1] >= 'a' && w[1] <= 'z' })
		if i < 0 {
			return "", false
		}
		ws[i] = strings.ToLower(ws[i][:1]) + ws[i][1:]
	case "of-for": // Center of Urban Studies for Center for Urban Studies
		i := pick(func(i int, w string) bool { return i > 0 && (w == "of" || w == "for") })
		if i < 0 {
			return "", false
		}
		if ws[i] == "of" {
			ws[i] = "for"
		} else {
			ws[i] = "of"
		}
	case "dropped-word": // an inner word of a name of four words or more left out
		content := 0
		for _, w := range ws {
			if w != "and" && w != "&" {
				content++
			}
		}
		i := pick(func(i int, w string) bool {
			return content >= 4 && i > 0 && i < len(ws)-1 && capital(w) && !nameConnectors[ws[i-1]] && !nameConnectors[ws[i+1]]
		})
		if i < 0 {
			return "", false
		}
		ws = append(ws[:i], ws[i+1:]...)
	case "swapped-names": // family name first: Berg Anna for Anna Berg
		if len(ws) != 2 || !corpusgen.GivenName(ws[0]) || !capital(ws[1]) || !ascii(ws[1]) {
			return "", false
		}
		ws[0], ws[1] = ws[1], ws[0]
	default:
		return "", false
	}
	v := strings.Join(ws, " ")
	return v, v != name
}

// Print writes the names tables.
func (res *NamesResult) Print(w io.Writer, verbose bool) {
	for _, set := range res.Sets {
		fmt.Fprintf(w, "Names, %s: one variant planted per article in %d articles (%.1f MB); glossary of %d canonical names (5 times or more in 2 articles or more) mined from the clean text, no variants listed\n",
			set.Name, set.Articles, float64(set.Bytes)/1e6, set.Names)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "rule\tglossary\tplanted\tfound\trecall\tprecision\tfalse alarms\tby kind (found/planted)\n")
		for _, r := range set.Rules {
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
			for _, r := range set.Rules {
				for _, ex := range r.Examples {
					fmt.Fprintf(w, "  %s: %s\n", r.Rule, ex)
				}
			}
		}
		fmt.Fprintln(w)
	}
}

// Failures lists the targets missed.
func (res *NamesResult) Failures() []string {
	var out []string
	for _, set := range res.Sets {
		for _, r := range set.Rules {
			t := NameTargets[r.Rule]
			if r.Recall() < t[0] {
				out = append(out, fmt.Sprintf("%s (%s): recall %s, target %.0f %%", r.Rule, set.Name, percent(r.Found, r.Injected), 100*t[0]))
			}
			if r.Precision() < t[1] {
				out = append(out, fmt.Sprintf("%s (%s): precision %s, target %.0f %%", r.Rule, set.Name, percent(r.Hits, r.Hits+r.FalseAlarms), 100*t[1]))
			}
		}
	}
	return out
}
