package lint

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/copydesk/copydesk/document"
)

// Categories group rules in listings and configs.
const (
	CategoryTypography  = "typography"
	CategoryCleaning    = "cleaning"
	CategoryNames       = "names"
	CategoryMetadata    = "metadata"
	CategoryLinks       = "links"
	CategorySuppression = "suppression"
	CategoryStyle       = "style" // house-style rules read from style folders
)

// A Rule is a check as a plain value, in the manner of
// golang.org/x/tools/go/analysis.Analyzer. A document rule sets Run; a corpus
// rule sets Corpus (see Corpus and CorpusFacts).
type Rule struct {
	ID       string // kebab-case, a public contract
	Category string
	Severity Severity // default severity
	Doc      Doc
	Options  []OptionDecl // read with each declaration's Get or For
	Fixable  Fixability

	// Run checks one document. It must not read files, print, or modify the
	// document; it reports through pass.Report.
	Run func(pass *Pass)

	// Corpus checks every document together, from their summaries and
	// what it collected of each.
	Corpus *CorpusCheck

	// Builtin marks rules the engine itself implements (suppression checks).
	Builtin bool

	// Needs are the block facts of which a block must have at least one
	// for Run to find anything in it; pass.Blocks yields only those
	// blocks. A test runs every rule with and without the facts and
	// requires the same findings, so a fact that misses what its rule
	// looks for fails there rather than losing findings silently.
	Needs document.BlockFacts
	// Requires lists the shared inputs Run reads with Input.Of.
	Requires []Requirement
}

// Doc is a rule's documentation as data: `explain`, `rules` and
// docs/rules.md are generated from it.
type Doc struct {
	Title string // one line: what it finds
	Why   string // why it matters
	Wrong string // an example that is reported
	Right string // the corrected form
	Fix   string // what the fix does and why it is safe or unsafe; "" when none
}

// Fixability says which fixes a rule offers, for listings and docs.
type Fixability uint8

// A rule offers no fix, only safe fixes, only unsafe ones, or both.
const (
	FixNone Fixability = iota
	FixSafe
	FixUnsafe
	FixMixed
)

func (f Fixability) String() string {
	return [...]string{"", "safe", "unsafe", "safe/unsafe"}[f]
}

// Validate checks a rule set once at start-up, so that a malformed rule
// fails loudly in tests rather than silently in a user's CI.
func Validate(rules []*Rule) error {
	seen := map[string]bool{}
	var errs []error
	for _, r := range rules {
		if !isKebab(r.ID) && !IsStyleID(r.ID) {
			errs = append(errs, fmt.Errorf("rule %q: ID must be kebab-case, or Style.Rule for a house-style rule", r.ID))
		}
		if seen[r.ID] {
			errs = append(errs, fmt.Errorf("rule %q: registered twice", r.ID))
		}
		seen[r.ID] = true
		if r.Category == "" || r.Doc.Title == "" || r.Doc.Why == "" || r.Doc.Wrong == "" {
			errs = append(errs, fmt.Errorf("rule %q: category, doc title, why and wrong example are required", r.ID))
		}
		if r.Severity == SeverityOff {
			errs = append(errs, fmt.Errorf("rule %q: default severity must not be off", r.ID))
		}
		kinds := 0
		if r.Run != nil {
			kinds++
		}
		if r.Corpus != nil {
			kinds++
		}
		if r.Builtin {
			kinds++
		}
		if kinds != 1 {
			errs = append(errs, fmt.Errorf("rule %q: set exactly one of Run, Corpus or Builtin", r.ID))
		}
		names := map[string]bool{}
		for _, d := range r.Options {
			o := d.Spec()
			if !valueMatches(o, o.Default) {
				errs = append(errs, fmt.Errorf("rule %q: option %q: default %v does not match its kind", r.ID, o.Name, o.Default))
			}
			if !isKebab(o.Name) || o.Name == "severity" || names[o.Name] {
				errs = append(errs, fmt.Errorf("rule %q: option %q: a name must be kebab-case, not severity, and declared once", r.ID, o.Name))
			}
			names[o.Name] = true
		}
		if err := validateInputs(r); err != nil {
			errs = append(errs, fmt.Errorf("rule %q: %w", r.ID, err))
		}
	}
	return errors.Join(errs...)
}

// IsStyleID reports whether id has the form of a house-style rule's ID,
// Style.Rule, as Vale names them (Microsoft.Contractions, write-good.So).
func IsStyleID(id string) bool {
	dot := strings.IndexByte(id, '.')
	if dot <= 0 || dot == len(id)-1 || strings.Count(id, ".") != 1 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '-' && c != '_' && c != '.' {
			return false
		}
	}
	return true
}

func isKebab(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// A Registry is an ordered, validated set of rules.
type Registry struct {
	rules []*Rule
	byID  map[string]*Rule
}

// NewRegistry validates rules and indexes them by ID, sorted by ID.
func NewRegistry(rules ...*Rule) (*Registry, error) {
	if err := Validate(rules); err != nil {
		return nil, err
	}
	rs := append([]*Rule(nil), rules...)
	sort.Slice(rs, func(i, j int) bool { return rs[i].ID < rs[j].ID })
	reg := &Registry{rules: rs, byID: make(map[string]*Rule, len(rs))}
	for _, r := range rs {
		reg.byID[r.ID] = r
	}
	return reg, nil
}

// Rules returns the rules sorted by ID.
func (r *Registry) Rules() []*Rule { return r.rules }

// Lookup finds a rule by ID.
func (r *Registry) Lookup(id string) (*Rule, bool) {
	rule, ok := r.byID[id]
	return rule, ok
}

// Pass is what a rule sees of one document.
type Pass struct {
	Rule    *Rule
	Doc     *document.Document
	Options Options
	// Project is the configuration that is no one rule's: the names
	// glossary, where dates come from.
	Project *Project
	// Rel is the document's path relative to the configuration's folder,
	// slash-separated: what the configuration's globs match.
	Rel string
	// Today is the date "now" means, for checks of future dates.
	Today time.Time
	Sink  func(Diagnostic)
	// Inputs keeps the shared inputs (see Input) built for the document,
	// for all the rules that read them; nil outside the engine.
	Inputs *DocInputs
	// Values holds the engine's ProjectValues; nil outside the engine.
	Values *Values
	// Context: the document is read for the corpus rules only, and its
	// text may go once they collected it (a cache keeps no text), so what
	// the corpus phase needs of the text goes into the fact.
	Context bool
}

// Report records a diagnostic at [start, end) of the document.
func (p *Pass) Report(d Diagnostic) {
	d.Rule = p.Rule.ID
	d.Category = p.Rule.Category
	d.Path = p.Doc.Path
	GuardFix(p.Doc.Summary, &d)
	p.Sink(d)
}

// Reportf reports a diagnostic without a fix.
func (p *Pass) Reportf(start, end int, format string, args ...any) {
	p.Report(Diagnostic{Start: start, End: end, Message: fmt.Sprintf(format, args...)})
}

// CorpusPass is what a corpus rule sees: every document's summary, in
// path order. What it collected of each comes beside it (CorpusFacts).
type CorpusPass struct {
	Rule      *Rule
	Summaries []*document.Summary
	// OptionsFor returns the rule's options as configured for a path.
	OptionsFor func(path string) Options
	Project    *Project
	Today      time.Time
	// KnownFiles are the files on disk beside the articles, as the
	// command found them; nil when unknown (see Engine.KnownFiles).
	KnownFiles *KnownFiles
	Sink       func(Diagnostic)
	NoteSink   func(string)
	// Values holds the run's ArchiveValues; nil outside the engine.
	Values *Values
	// Reported says which of Summaries the run reports, by index; nil
	// means all of them. The others are context: the rest of the archive
	// when one file is linted, or the index behind an editor's page. A
	// rule reads them for what it learns of the archive (its names, its
	// house date format, the targets of links), and may skip its work
	// for them otherwise (see Reports).
	Reported []bool
	// Kept holds the KeptValues the driver keeps from one run to the next;
	// nil when it keeps none.
	Kept *Values
	// Text returns the text of Summaries[i]: its Src, or, for a context
	// document whose text went after parsing, the text read again. nil
	// when it cannot be had. A rule asks for it only for the few context
	// documents it must look into again.
	Text func(i int) []byte
}

// Reports reports whether Summaries[i]'s findings are kept. A finding
// reported on another document is dropped, so a rule skips what it would
// do only to report on one (matching its text, judging its links): the
// reported documents' findings must be the same as when every document
// is reported.
func (p *CorpusPass) Reports(i int) bool {
	return p.Reported == nil || i < len(p.Reported) && p.Reported[i]
}

// Note records a remark about the whole run, said once with --verbose: a
// default the rule learnt from the corpus ("the archive is undated").
func (p *CorpusPass) Note(msg string) {
	if p.NoteSink != nil {
		p.NoteSink(msg)
	}
}

// Report records a diagnostic in the document at path.
func (p *CorpusPass) Report(path string, d Diagnostic) {
	d.Rule = p.Rule.ID
	d.Category = p.Rule.Category
	d.Path = path
	p.Sink(d)
}

// Check runs a document rule on a parsed document with the given options
// (the zero Options: the defaults) and returns its findings unfiltered:
// for tests and per-rule benchmarks that must not pay for parsing. It
// panics on an option the rule does not declare, or of the wrong type,
// so that a test's misspelt option fails rather than reads the default.
func Check(r *Rule, doc *document.Document, opts Options) []Diagnostic {
	if r.Run == nil {
		return nil
	}
	if err := r.checkOptions(opts); err != nil {
		panic(err)
	}
	var out []Diagnostic
	r.Run(&Pass{Rule: r, Doc: doc, Options: opts, Sink: func(d Diagnostic) { out = append(out, d) }})
	return out
}
