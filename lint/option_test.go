package lint_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
)

var (
	flag  = lint.BoolOption{Name: "flag", Default: true}
	count = lint.IntOption{Name: "count", Default: 3}
	mode  = lint.StringOption{Name: "mode", Default: "a", Enum: []string{"a", "b"}}
	words = lint.StringsOption{Name: "words", Default: []string{"x"}}
	// stray is a declaration a rule reads without listing it.
	stray = lint.IntOption{Name: "stray", Default: 7}
	// flagAsInt has a declared name but another kind.
	flagAsInt = lint.IntOption{Name: "flag"}
)

func optionRule(run func(*lint.Pass)) *lint.Rule {
	return &lint.Rule{
		ID: "toy", Category: lint.CategoryTypography, Severity: lint.SeverityWarning, Run: run,
		Doc:     lint.Doc{Title: "t", Why: "w", Wrong: "x"},
		Options: []lint.OptionDecl{flag, count, mode, words},
	}
}

// got is what a rule reads of its four options.
type got struct {
	flag  bool
	count int
	mode  string
	words []string
}

func read(p *lint.Pass) got { return got{flag.Get(p), count.Get(p), mode.Get(p), words.Get(p)} }

func TestOptionGet(t *testing.T) {
	tests := []struct {
		name string
		opts lint.Options
		want got
	}{
		{"zero options are the defaults", lint.Options{}, got{true, 3, "a", []string{"x"}}},
		{"bool", lint.Options{}.With("flag", false), got{false, 3, "a", []string{"x"}}},
		{"int", lint.Options{}.With("count", 9), got{true, 9, "a", []string{"x"}}},
		{"string", lint.Options{}.With("mode", "b"), got{true, 3, "b", []string{"x"}}},
		{"strings", lint.Options{}.With("words", []string{}), got{true, 3, "a", []string{}}},
		{"all", lint.Options{}.With("flag", false).With("count", 0).With("mode", "b").With("words", []string{"y", "z"}),
			got{false, 0, "b", []string{"y", "z"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var g got
			lint.Check(optionRule(func(p *lint.Pass) { g = read(p) }), nil, tt.opts)
			if g.flag != tt.want.flag || g.count != tt.want.count || g.mode != tt.want.mode || !slices.Equal(g.words, tt.want.words) {
				t.Errorf("read %+v, want %+v", g, tt.want)
			}
		})
	}
}

// With leaves the options it is called on as they were: the configuration
// shares one file's options with the next.
func TestOptionsWithCopies(t *testing.T) {
	base := lint.Options{}.With("count", 5)
	_ = base.With("count", 6)
	var n int
	lint.Check(optionRule(func(p *lint.Pass) { n = count.Get(p) }), nil, base)
	if n != 5 {
		t.Errorf("count = %d after With on a copy, want 5", n)
	}
}

// A rule that reads an option it does not declare, or reads a declared
// name as another kind, fails the first time the code runs: the
// configuration could never set it.
func TestOptionUndeclaredPanics(t *testing.T) {
	tests := []struct {
		name string
		run  func(*lint.Pass)
		want string
	}{
		{"undeclared", func(p *lint.Pass) { stray.Get(p) }, `rule toy reads option "stray", which its Options do not declare as a whole number`},
		{"other kind", func(p *lint.Pass) { flagAsInt.Get(p) }, `rule toy reads option "flag", which its Options do not declare as a whole number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := panicOf(func() { lint.Check(optionRule(tt.run), nil, lint.Options{}) })
			if msg != tt.want {
				t.Errorf("panic %q, want %q", msg, tt.want)
			}
		})
	}
}

// Options built by hand (in tests) are checked against the rule: a
// misspelt name or a value of the wrong type fails instead of reading the
// default.
func TestCheckRejectsUndeclaredOptions(t *testing.T) {
	tests := []struct {
		name string
		opts lint.Options
		want string
	}{
		{"misspelt", lint.Options{}.With("cuont", 4), `rule toy has no option "cuont"`},
		{"wrong type", lint.Options{}.With("count", "4"), `rule toy: option "count": "4" is not a whole number`},
		{"outside the enum", lint.Options{}.With("mode", "c"), `rule toy: option "mode": "c" is not one of a, b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := panicOf(func() { lint.Check(optionRule(func(*lint.Pass) {}), nil, tt.opts) })
			if msg != tt.want {
				t.Errorf("panic %q, want %q", msg, tt.want)
			}
		})
	}
}

// A corpus rule reads each file's options through the pass; without a
// source of options (a pass built by hand) it reads the defaults.
func TestOptionFor(t *testing.T) {
	r := optionRule(nil)
	pass := &lint.CorpusPass{Rule: r, OptionsFor: func(path string) lint.Options {
		if strings.HasPrefix(path, "strict/") {
			return lint.Options{}.With("count", 50).With("mode", "b").With("flag", false).With("words", []string{})
		}
		return lint.Options{}
	}}
	if n, m, f, w := count.For(pass, "strict/a.md"), mode.For(pass, "strict/a.md"), flag.For(pass, "strict/a.md"), words.For(pass, "strict/a.md"); n != 50 || m != "b" || f || len(w) != 0 {
		t.Errorf("strict/a.md: %d %q %v %q, want 50 b false []", n, m, f, w)
	}
	if n, m, f, w := count.For(pass, "news/a.md"), mode.For(pass, "news/a.md"), flag.For(pass, "news/a.md"), words.For(pass, "news/a.md"); n != 3 || m != "a" || !f || !slices.Equal(w, []string{"x"}) {
		t.Errorf("news/a.md: %d %q %v %q, want the defaults", n, m, f, w)
	}
	if n := count.For(&lint.CorpusPass{Rule: r}, "a.md"); n != 3 {
		t.Errorf("no OptionsFor: count = %d, want the default 3", n)
	}
	if msg := panicOf(func() { stray.For(pass, "a.md") }); !strings.Contains(msg, `reads option "stray"`) {
		t.Errorf("undeclared option in a corpus rule: panic %q", msg)
	}
}

func TestValidateOptions(t *testing.T) {
	tests := []struct {
		name string
		opts []lint.OptionDecl
		want string // "" for valid
	}{
		{"valid", []lint.OptionDecl{flag, count, mode, words}, ""},
		{"nil list default", []lint.OptionDecl{lint.StringsOption{Name: "list"}}, ""},
		{"default outside the enum", []lint.OptionDecl{lint.StringOption{Name: "mode", Default: "c", Enum: []string{"a", "b"}}},
			`rule "toy": option "mode": default c does not match its kind`},
		{"declared twice", []lint.OptionDecl{count, lint.BoolOption{Name: "count"}},
			`rule "toy": option "count": a name must be kebab-case, not severity, and declared once`},
		{"severity", []lint.OptionDecl{lint.StringOption{Name: "severity"}},
			`rule "toy": option "severity": a name must be kebab-case, not severity, and declared once`},
		{"not kebab-case", []lint.OptionDecl{lint.IntOption{Name: "minCount"}},
			`rule "toy": option "minCount": a name must be kebab-case, not severity, and declared once`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := optionRule(func(*lint.Pass) {})
			r.Options = tt.opts
			err := lint.Validate([]*lint.Rule{r})
			if tt.want == "" && err != nil || tt.want != "" && (err == nil || err.Error() != tt.want) {
				t.Errorf("Validate = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestRuleOption(t *testing.T) {
	r := optionRule(nil)
	s, ok := r.Option("mode")
	if !ok || s.Name != "mode" || s.Kind != lint.OptString || s.Default != "a" || !slices.Equal(s.Enum, []string{"a", "b"}) {
		t.Errorf("Option(mode) = %+v, %v", s, ok)
	}
	if _, ok := r.Option("stray"); ok {
		t.Error("Option(stray) found an undeclared option")
	}
}

func panicOf(f func()) (msg string) {
	defer func() {
		if p := recover(); p != nil {
			switch x := p.(type) {
			case error:
				msg = x.Error()
			case string:
				msg = x
			}
		}
	}()
	f()
	return ""
}
