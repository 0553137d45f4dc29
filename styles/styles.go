package styles

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/styles/matcher"
)

// A Set is the rules of the styles a configuration uses, compiled together:
// one automaton holds the words of all of them.
type Set struct {
	rules    []*crule
	lint     []*lint.Rule
	auto     *matcher.Automaton
	refs     []ref // automaton ID → rule and entry
	wantAlt  bool
	warnings []string
	// scanned is the one scan of a document's text for every literal of
	// every rule of the set, which each of them requires.
	scanned *lint.Input[*scanResult]

	stamps sync.Pool // *stamps: which literal was kept in which unit

	mu       sync.Mutex
	timedOut map[string]bool
	// OnTimeout, when set, is called the first time a rule's pattern runs
	// out of time on a block (the rest of that block is skipped for it).
	OnTimeout func(id string)
}

// ref is what an automaton ID stands for: a rule's entry, and for a plain
// word what the scan checks before keeping the hit.
type ref struct {
	rule, entry int32
	word        string // "" for a pattern's literal: one hit a unit is enough
	ignoreCase  bool
	nonword     bool
	anchored    bool  // the pattern is tried where the literal starts: every hit counts
	litLen      int32 // the literal's length, for where it starts
}

// Rules returns the style rules as lint rules, sorted by ID.
func (s *Set) Rules() []*lint.Rule { return s.lint }

// Warnings lists the rule files that were skipped, one line each.
func (s *Set) Warnings() []string { return s.warnings }

// TimedOut lists the rules whose pattern ran out of time on some block
// during the runs so far, so that the command names each once.
func (s *Set) TimedOut() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for id := range s.timedOut {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

func (s *Set) timeout(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timedOut == nil {
		s.timedOut = map[string]bool{}
	}
	if !s.timedOut[id] && s.OnTimeout != nil {
		s.OnTimeout(id)
	}
	s.timedOut[id] = true
}

// Source is one rule file's text, for loading styles that are not on disk
// (tests, fuzzing).
type Source struct {
	File string // shown in messages
	ID   string // Style.Rule
	Data []byte
}

// Load reads the named styles from dir, Vale's StylesPath layout:
// dir/NAME/RULE.yml. Errors name the file and line; every problem found is
// reported, not only the first.
func Load(dir string, names []string) (*Set, error) {
	return LoadWith(dir, names, Options{})
}

// Options are what a configuration adds to the styles it names.
type Options struct {
	// Vocab names Vale vocabularies under dir/config/vocabularies.
	Vocab []string
}

// LoadWith is Load with the named vocabularies: their accepted terms are
// exceptions to the rules that take them, and the built-in style Vale,
// when named, holds Vale.Terms and Vale.Avoid.
func LoadWith(dir string, names []string, opts Options) (*Set, error) {
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, fmt.Errorf("styles.path: the styles folder %s does not exist", dir)
	}
	var srcs []Source
	var errs []error
	seenStyle := map[string]bool{}
	for _, name := range names {
		if seenStyle[name] {
			continue
		}
		seenStyle[name] = true
		sdir := filepath.Join(dir, name)
		if st, err := os.Stat(sdir); err != nil || !st.IsDir() {
			if name == BuiltinStyle {
				continue // its rules come from the vocabulary
			}
			errs = append(errs, fmt.Errorf("styles.use: no style %q in %s (a style is a folder of RULE.yml files)%s", name, dir, didYouMean(name, listDirs(dir))))
			continue
		}
		ents, err := os.ReadDir(sdir)
		if err != nil {
			errs = append(errs, fmt.Errorf("styles: read %s: %w", sdir, err))
			continue
		}
		for _, e := range ents {
			ext := filepath.Ext(e.Name())
			// Only regular files: a FIFO or device named RULE.yml would block
			// or never end.
			if !e.Type().IsRegular() || (ext != ".yml" && ext != ".yaml") {
				continue
			}
			file := filepath.Join(sdir, e.Name())
			data, err := os.ReadFile(file)
			if err != nil {
				errs = append(errs, fmt.Errorf("styles: %w", err))
				continue
			}
			srcs = append(srcs, Source{File: file, ID: name + "." + strings.TrimSuffix(e.Name(), ext), Data: data})
		}
	}
	var vocab *Vocab
	if len(opts.Vocab) > 0 {
		if vocab, err = LoadVocab(dir, opts.Vocab); err != nil {
			errs = append(errs, err)
		}
	}
	set, err := CompileWith(srcs, vocab, slices.Contains(names, BuiltinStyle))
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return set, nil
}

func listDirs(dir string) []string {
	var out []string
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

// Compile builds a Set from rule files.
func Compile(srcs []Source) (*Set, error) { return CompileWith(srcs, nil, false) }

// CompileWith builds a Set from rule files and a vocabulary (nil for
// none); builtin adds the vocabulary's rules Vale.Terms and Vale.Avoid.
func CompileWith(srcs []Source, vocab *Vocab, builtin bool) (*Set, error) {
	set := &Set{}
	var errs []error
	byID := map[string]string{}
	sort.SliceStable(srcs, func(i, j int) bool { return srcs[i].ID < srcs[j].ID })
	var defs []*def
	if builtin {
		if vocab == nil {
			set.warnings = append(set.warnings, "styles.use: the built-in style Vale has only Vale.Terms and Vale.Avoid, which come from styles.vocab; no vocabulary is named")
		} else {
			for _, d := range vocabDefs(vocab) {
				byID[d.id] = d.file
				defs = append(defs, d)
			}
		}
	}
	for _, src := range srcs {
		if !lint.IsStyleID(src.ID) {
			errs = append(errs, &loadError{src.File, 0, fmt.Sprintf("rule ID %q: a style and a rule name are letters, digits, - and _, joined by one dot", src.ID)})
			continue
		}
		if prev, ok := byID[src.ID]; ok {
			errs = append(errs, &loadError{src.File, 1, fmt.Sprintf("duplicate rule ID %s: %s defines it too", src.ID, prev)})
			continue
		}
		byID[src.ID] = src.File
		d, err := parseDef(src.File, src.ID, src.Data)
		var un errUnsupported
		if errors.As(err, &un) {
			set.warnings = append(set.warnings, fmt.Sprintf("%s: skipped: copydesk does not run %s rules", src.File, un.typ))
			continue
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		defs = append(defs, d)
	}
	sort.SliceStable(defs, func(i, j int) bool { return defs[i].id < defs[j].id })
	for _, d := range defs {
		c, err := compileRule(d, int32(len(set.rules)), vocab)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		set.rules = append(set.rules, c)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var b matcher.Builder
	for ri, c := range set.rules {
		if c.sc.mask&uAlt != 0 {
			set.wantAlt = true
		}
		for ei, e := range c.entries {
			for _, l := range e.lits {
				b.Add(l, int32(len(set.refs)))
				set.refs = append(set.refs, ref{rule: int32(ri), entry: int32(ei), word: e.word, ignoreCase: c.d.IgnoreCase, nonword: c.d.Nonword,
					anchored: e.re != nil && e.re.anch != nil, litLen: int32(len(l))})
			}
		}
	}
	set.auto = b.Build()
	set.scanned = &lint.Input[*scanResult]{
		Name:  "house-style matches",
		Build: func(p *lint.Pass) *scanResult { return set.scan(p.Doc) },
	}
	for _, c := range set.rules {
		set.lint = append(set.lint, set.lintRule(c))
	}
	for _, c := range set.rules {
		if err := set.checkExamples(c); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return set, nil
}

// crule is one compiled rule.
type crule struct {
	d     *def
	idx   int32
	sc    scope
	sev   lint.Severity
	limit int

	entries []*entry // words and patterns, in priority order
	always  []int    // entries without literals: run on every unit in scope

	except *pattern // exceptions: a match containing one is not reported
	phrase *pattern // exceptions of several words: a match inside one is not reported

	occ           *pattern
	first, second *pattern
	secondGroups  bool
	secondLits    []string // one of them is in every match of second
	rep           *pattern
	capCheck      func(s string) (expected string, ok bool)
	accepted      []string // the vocabulary's accepted terms, when the rule takes them
	fix           lint.Applicability
	fixOn         bool    // the rule has a fix and does not say fix: none
	act           *action // what its fix does with a match
	rule          *lint.Rule
}

// entry is one token, swap key or either side.
type entry struct {
	word   string   // a plain word matched straight from the automaton
	re     *pattern // otherwise a pattern
	lits   []string // what the automaton looks for
	repl   string   // substitution: what is wanted
	same   *pattern // Vale.Terms: the text already spelled as the term
	pair   int      // consistency: which pair
	side   int      // consistency: 0 the key, 1 the value
	source string   // as written, for messages and explain
	line   int
}

func compileRule(d *def, idx int32, vocab *Vocab) (*crule, error) {
	c := &crule{d: d, idx: idx, sc: parseScope(d.Scope), sev: levels[d.Level], limit: d.Limit}
	if vocab != nil && d.Vocab && (d.Extends != "existence" || !d.Nonword) && slices.Contains(vocabTypes, d.Extends) {
		c.accepted = vocab.Accept
	}
	fail := func(line int, format string, args ...any) error {
		if line == 0 {
			line = d.line
		}
		return &loadError{d.file, line, fmt.Sprintf(format, args...)}
	}
	if d.Message == "" {
		return nil, fail(d.line, "no message: say what is wrong, with %%s for the text found")
	}
	prefix := ""
	if d.IgnoreCase {
		prefix = "(?i)"
	}
	var err error
	if terms := c.vocabExceptions(); len(terms) > 0 {
		pats := make([]string, len(terms))
		for i, t := range terms {
			t = termPattern(t)
			if !strings.HasPrefix(t, "(?i)") {
				t = "(?-i)" + t
			}
			pats[i] = t
		}
		sort.SliceStable(pats, func(i, j int) bool { return len(pats[i]) > len(pats[j]) })
		if c.except, err = compile(`(?m)\b(?:` + strings.Join(pats, "|") + `)\b`); err != nil {
			return nil, fail(d.lines["exceptions"], "exceptions: %v", err)
		}
		var phrases []string
		for _, t := range terms {
			if strings.ContainsAny(t, " \t") || strings.Contains(t, `\s`) {
				phrases = append(phrases, termPattern(t))
			}
		}
		if len(phrases) > 0 {
			if c.phrase, err = compile(`(?i)\b(?:` + strings.Join(phrases, "|") + `)\b`); err != nil {
				return nil, fail(d.lines["exceptions"], "exceptions: %v", err)
			}
		}
	}
	addWord := func(tok string, line int, nonword bool) (*entry, error) {
		e := &entry{source: tok, line: line}
		if plainWord(tok) && (!d.IgnoreCase || !matcher.HasCasedNonASCII(tok)) && !c.sc.raw {
			e.word = tok
			e.lits = []string{asciiLowerOnly(tok)}
		} else {
			expr := `(?:` + tok + `)`
			if !nonword {
				expr = `\b(?:` + tok + `)\b`
			}
			p, err := compile(prefix + `(?m)` + expr)
			if err != nil {
				return nil, fail(line, "%v", err)
			}
			e.re = p
			if !c.sc.raw {
				e.lits = c.literals(p)
			}
		}
		c.entries = append(c.entries, e)
		return e, nil
	}
	switch d.Extends {
	case "existence":
		if len(d.Tokens) == 0 && len(d.Raw) == 0 {
			return nil, fail(d.line, "an existence rule needs tokens or raw")
		}
		if len(d.Raw) > 0 {
			// raw joins the tokens into one pattern, as Vale builds it.
			var toks []string
			for _, t := range d.Tokens {
				if strings.TrimSpace(t) != "" {
					toks = append(toks, t)
				}
			}
			body := ""
			if len(toks) > 0 {
				if d.Nonword {
					body = `(?:` + strings.Join(toks, "|") + `)`
				} else {
					body = `\b(?:` + strings.Join(toks, "|") + `)\b`
				}
			}
			raw := strings.Join(d.Raw, "")
			expr := raw + body
			if d.Append {
				expr = body + raw
			}
			p, err := compile(prefix + `(?m)` + expr)
			if err != nil {
				return nil, fail(d.lines["raw"], "%v", err)
			}
			e := &entry{re: p, source: expr, line: d.lines["raw"]}
			if !c.sc.raw {
				e.lits = c.literals(p)
			}
			c.entries = append(c.entries, e)
		} else {
			for i, t := range d.Tokens {
				if strings.TrimSpace(t) == "" {
					continue
				}
				if _, err := addWord(t, lineAt(d.tokLines, i), d.Nonword); err != nil {
					return nil, err
				}
			}
		}
	case "substitution":
		if len(d.Swap) == 0 {
			return nil, fail(d.line, "a substitution rule needs swap")
		}
		// Longest first, as Vale orders its alternation.
		order := make([]int, len(d.Swap))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return len(d.Swap[order[a]].key) > len(d.Swap[order[b]].key) })
		for _, i := range order {
			e, err := addWord(d.Swap[i].key, lineAt(d.tokLines, i), d.Nonword)
			if err != nil {
				return nil, err
			}
			e.repl = d.Swap[i].value
			if d.terms {
				if e.same, err = compile(`^(?:` + termPattern(e.repl) + `)$`); err != nil {
					return nil, fail(0, "%v", err)
				}
			}
		}
	case "occurrence":
		if d.Token == "" {
			return nil, fail(d.line, "an occurrence rule needs token")
		}
		if d.Max == 0 && d.Min == 0 {
			return nil, fail(d.line, "an occurrence rule needs max or min")
		}
		if c.occ, err = compile(prefix + d.Token); err != nil {
			return nil, fail(d.lines["token"], "token: %v", err)
		}
		if d.Scope == nil {
			c.sc = scope{mask: uText, sentence: true}
		}
	case "repetition":
		if len(d.Tokens) == 0 {
			return nil, fail(d.line, "a repetition rule needs tokens")
		}
		expr := `(?:` + strings.Join(d.Tokens, "|") + `)`
		if c.rep, err = compile(prefix + `(?m)` + expr); err != nil {
			return nil, fail(d.lines["tokens"], "tokens: %v", err)
		}
	case "consistency":
		if len(d.Either) == 0 {
			return nil, fail(d.line, "a consistency rule needs either")
		}
		for i, p := range d.Either {
			for side, w := range []string{p.key, p.value} {
				e, err := addWord(w, lineAt(d.tokLines, i), d.Nonword)
				if err != nil {
					return nil, err
				}
				e.pair, e.side = i, side
			}
		}
	case "conditional":
		if d.First == "" || d.Second == "" {
			return nil, fail(d.line, "a conditional rule needs first and second")
		}
		if c.first, err = compile(prefix + d.First); err != nil {
			return nil, fail(d.lines["first"], "first: %v", err)
		}
		if c.second, err = compile(prefix + d.Second); err != nil {
			return nil, fail(d.lines["second"], "second: %v", err)
		}
		c.secondLits, _ = literalsFor(c.second.expr)
		c.secondGroups = strings.Count(d.Second, "(")-strings.Count(d.Second, "(?")-strings.Count(d.Second, `\(`) > 0
	case "capitalization":
		if d.Match == "" {
			return nil, fail(d.line, "a capitalization rule needs match ($title, $sentence, $lower, $upper or a pattern)")
		}
		if err := c.compileCapitalization(); err != nil {
			return nil, fail(d.lines["match"], "%v", err)
		}
	}
	if c.act, err = compileAction(d); err != nil {
		return nil, fail(d.lines["action"], "%v", err)
	}
	// A substitution fixes with its swap unless its action says otherwise;
	// any rule fixes with a determinate action. Unsafe unless fix: safe.
	switch {
	case d.Fix == "none":
	case d.Extends == "substitution" && (d.ActionName == "" || d.ActionName == "replace" && len(d.ActionArgs) == 0):
		c.fixOn = true
	case d.Extends == "capitalization" && d.ActionName == "replace" && len(d.ActionArgs) == 0:
		c.fixOn = d.Match == "$title" || d.Match == "$sentence" || d.Match == "$lower" || d.Match == "$upper"
	case d.Extends != "occurrence":
		c.fixOn = c.act.determinate()
	}
	if d.Fix == "safe" {
		c.fix = lint.Safe
	} else {
		c.fix = lint.Unsafe
	}
	for i, e := range c.entries {
		if len(e.lits) == 0 && e.word == "" {
			c.always = append(c.always, i)
		}
	}
	return c, nil
}

// literals picks what the automaton looks for on a pattern's behalf: its
// prefix when it can be tried there alone, else any literal every match
// holds; nil when it must run on every unit.
func (c *crule) literals(p *pattern) []string {
	if p.anchor() {
		return p.prefix
	}
	lits, _ := literalsFor(p.expr)
	return lits
}

func lineAt(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 0
}

func asciiLowerOnly(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
