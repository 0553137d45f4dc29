package lint

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// A rule's options are typed values it declares, in the manner of the
// flags an Analyzer binds to variables: the rule lists them in
// Rule.Options, for the configuration to decode and check and for the
// docs to describe, and reads them with the declaration's Get (or For, in
// a corpus rule). The name is written once, in the declaration, so a rule
// cannot read an option by a misspelt name: its code names a variable.
//
//	var minCount = lint.IntOption{Name: "min-count", Default: 3, Doc: "..."}
//
//	Options: []lint.OptionDecl{minCount},
//	...
//	n := minCount.Get(pass)

// OptionKind is the type of a rule option's value.
type OptionKind uint8

// Option kinds accepted in configuration.
const (
	OptBool OptionKind = iota
	OptInt
	OptString
	OptStrings
)

// An OptionSpec describes one option of a rule as the configuration and
// the docs see it.
type OptionSpec struct {
	Name    string // the key in .copydesk.yaml: a public contract
	Kind    OptionKind
	Default any      // bool, int, string or []string matching Kind
	Enum    []string // allowed values for OptString, if restricted
	Doc     string
}

// An OptionDecl is an option a rule declares: a BoolOption, IntOption,
// StringOption or StringsOption.
type OptionDecl interface {
	Spec() OptionSpec
}

// A BoolOption declares an option that is true or false.
type BoolOption struct {
	Name    string
	Default bool
	Doc     string
}

// An IntOption declares an option that is a whole number.
type IntOption struct {
	Name    string
	Default int
	Doc     string
}

// A StringOption declares an option that is a string, one of Enum when
// Enum is set.
type StringOption struct {
	Name    string
	Default string
	Enum    []string
	Doc     string
}

// A StringsOption declares an option that is a list of strings.
type StringsOption struct {
	Name    string
	Default []string
	Doc     string
}

// Spec describes the option.
func (o BoolOption) Spec() OptionSpec {
	return OptionSpec{Name: o.Name, Kind: OptBool, Default: o.Default, Doc: o.Doc}
}

// Spec describes the option.
func (o IntOption) Spec() OptionSpec {
	return OptionSpec{Name: o.Name, Kind: OptInt, Default: o.Default, Doc: o.Doc}
}

// Spec describes the option.
func (o StringOption) Spec() OptionSpec {
	return OptionSpec{Name: o.Name, Kind: OptString, Default: o.Default, Enum: o.Enum, Doc: o.Doc}
}

// Spec describes the option.
func (o StringsOption) Spec() OptionSpec {
	return OptionSpec{Name: o.Name, Kind: OptStrings, Default: o.Default, Doc: o.Doc}
}

// Get returns the option's value for the document of p.
func (o BoolOption) Get(p *Pass) bool { return get(p.Rule, p.Options, o.Name, OptBool, o.Default) }

// For returns the option's value for the document at path.
func (o BoolOption) For(p *CorpusPass, path string) bool {
	return get(p.Rule, optionsFor(p, path), o.Name, OptBool, o.Default)
}

// Get returns the option's value for the document of p.
func (o IntOption) Get(p *Pass) int { return get(p.Rule, p.Options, o.Name, OptInt, o.Default) }

// For returns the option's value for the document at path.
func (o IntOption) For(p *CorpusPass, path string) int {
	return get(p.Rule, optionsFor(p, path), o.Name, OptInt, o.Default)
}

// Get returns the option's value for the document of p.
func (o StringOption) Get(p *Pass) string {
	return get(p.Rule, p.Options, o.Name, OptString, o.Default)
}

// For returns the option's value for the document at path.
func (o StringOption) For(p *CorpusPass, path string) string {
	return get(p.Rule, optionsFor(p, path), o.Name, OptString, o.Default)
}

// Get returns the option's value for the document of p. The slice is
// shared: the rule must not modify it.
func (o StringsOption) Get(p *Pass) []string {
	return get(p.Rule, p.Options, o.Name, OptStrings, o.Default)
}

// For returns the option's value for the document at path. The slice is
// shared: the rule must not modify it.
func (o StringsOption) For(p *CorpusPass, path string) []string {
	return get(p.Rule, optionsFor(p, path), o.Name, OptStrings, o.Default)
}

// Options are the values a rule's options take for one document: those
// the configuration sets; an option it does not set reads as its declared
// default, so the zero value is every default. Only the declarations'
// Get and For read them.
type Options struct {
	set map[string]any // by option name
}

// With returns o with the option called name set to v, a bool, int,
// string or []string as the option's kind: what the configuration decoded.
// o is not changed.
func (o Options) With(name string, v any) Options {
	set := make(map[string]any, len(o.set)+1)
	maps.Copy(set, o.set)
	set[name] = v
	return Options{set: set}
}

// Option returns the description of the option r declares under name.
func (r *Rule) Option(name string) (OptionSpec, bool) {
	for _, d := range r.Options {
		if s := d.Spec(); s.Name == name {
			return s, true
		}
	}
	return OptionSpec{}, false
}

// optionKind is Option's kind alone: Spec boxes the default in an any,
// an allocation each time a rule reads an option of a document.
func (r *Rule) optionKind(name string) (OptionKind, bool) {
	for _, d := range r.Options {
		var n string
		var k OptionKind
		switch o := d.(type) {
		case BoolOption:
			n, k = o.Name, OptBool
		case IntOption:
			n, k = o.Name, OptInt
		case StringOption:
			n, k = o.Name, OptString
		case StringsOption:
			n, k = o.Name, OptStrings
		default:
			s := d.Spec()
			n, k = s.Name, s.Kind
		}
		if n == name {
			return k, true
		}
	}
	return 0, false
}

// get reads an option's value. An option the rule does not declare is a
// bug in the rule that the configuration cannot see (it only knows the
// declared ones), so it panics, as does a value of the wrong type: the
// first test that runs the code says so, where returning the default
// would hide it.
func get[T any](r *Rule, o Options, name string, kind OptionKind, def T) T {
	if r != nil {
		if k, ok := r.optionKind(name); !ok || k != kind {
			panic(fmt.Sprintf("rule %s reads option %q, which its Options do not declare as %s", r.ID, name, kindWord(OptionSpec{Kind: kind})))
		}
	}
	v, ok := o.set[name]
	if !ok {
		return def
	}
	t, ok := v.(T)
	if !ok {
		panic(fmt.Sprintf("option %q holds %T, not %T", name, v, def))
	}
	return t
}

func optionsFor(p *CorpusPass, path string) Options {
	if p.OptionsFor == nil {
		return Options{}
	}
	return p.OptionsFor(path)
}

// kindWord names the values an option takes, for messages.
func kindWord(s OptionSpec) string {
	switch s.Kind {
	case OptBool:
		return "a boolean"
	case OptInt:
		return "a whole number"
	case OptString:
		if len(s.Enum) > 0 {
			return "one of " + strings.Join(s.Enum, ", ")
		}
		return "a string"
	case OptStrings:
		return "a list of strings"
	}
	return "a value"
}

// checkOptions reports values set under names r does not declare, or of
// another type than declared: options built by hand, in tests.
func (r *Rule) checkOptions(o Options) error {
	for _, name := range slices.Sorted(maps.Keys(o.set)) {
		s, ok := r.Option(name)
		if !ok {
			return fmt.Errorf("rule %s has no option %q", r.ID, name)
		}
		if !valueMatches(s, o.set[name]) {
			return fmt.Errorf("rule %s: option %q: %#v is not %s", r.ID, name, o.set[name], kindWord(s))
		}
	}
	return nil
}

// valueMatches reports whether v is a value of the option's kind, inside
// its Enum if it has one.
func valueMatches(s OptionSpec, v any) bool {
	switch s.Kind {
	case OptBool:
		_, ok := v.(bool)
		return ok
	case OptInt:
		_, ok := v.(int)
		return ok
	case OptString:
		x, ok := v.(string)
		if ok && len(s.Enum) > 0 {
			return slices.Contains(s.Enum, x)
		}
		return ok
	case OptStrings:
		_, ok := v.([]string)
		return ok
	}
	return false
}
