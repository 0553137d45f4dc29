package filter

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// Two toy document rules beside the built-in ones (the suppression rules).
var (
	ruleA = &lint.Rule{ID: "rule-a", Category: lint.CategoryStyle, Severity: lint.SeverityWarning,
		Doc: lint.Doc{Title: "a", Why: "w", Wrong: "x"}, Run: func(*lint.Pass) {}}
	ruleB = &lint.Rule{ID: "rule-b", Category: lint.CategoryStyle, Severity: lint.SeverityError,
		Doc: lint.Doc{Title: "b", Why: "w", Wrong: "x"}, Run: func(*lint.Pass) {}}
)

func registry(t *testing.T) *lint.Registry {
	t.Helper()
	reg, err := lint.NewRegistry(append(lint.Builtin(), ruleA, ruleB)...)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

func loadConfig(t *testing.T, reg *lint.Registry, yaml string) *config.Config {
	t.Helper()
	cfg, err := config.Parse([]byte(yaml), "t.yaml", reg)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// show renders findings one a line: rule, line, severity and message.
func show(f *File, ds []lint.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		line := 0
		if f.Summary != nil {
			line = f.Summary.Line(d.Start)
		}
		fmt.Fprintf(&b, "%s@%d %s %s\n", d.Rule, line, d.Severity, d.Message)
	}
	return b.String()
}

func TestChainOrder(t *testing.T) {
	var order []string
	step := func(name string) Step {
		return func(_ *File, ds []lint.Diagnostic) []lint.Diagnostic {
			order = append(order, name)
			return append(ds, lint.Diagnostic{Message: name})
		}
	}
	out := Chain{step("first"), step("second"), step("third")}.Run(&File{}, nil)
	if got := strings.Join(order, " "); got != "first second third" {
		t.Errorf("ran %s", got)
	}
	if len(out) != 3 || out[2].Message != "third" {
		t.Errorf("each step gets what the one before returned: %+v", out)
	}
	if got := (Chain{}).Run(&File{}, []lint.Diagnostic{{Rule: "x"}}); len(got) != 1 {
		t.Errorf("an empty chain keeps everything: %+v", got)
	}
}

func TestSeverity(t *testing.T) {
	settings := map[string]config.RuleSettings{
		"warn": {Severity: lint.SeverityWarning},
		"err":  {Severity: lint.SeverityError},
		"off":  {Severity: lint.SeverityOff},
	}
	tests := []struct {
		rule     string
		reported lint.Severity // what the rule reported; Off means none given
		want     lint.Severity // Off: dropped
	}{
		{"warn", lint.SeverityOff, lint.SeverityWarning},
		{"err", lint.SeverityOff, lint.SeverityError},
		{"off", lint.SeverityOff, lint.SeverityOff},
		{"off", lint.SeverityError, lint.SeverityOff},
		{"unknown", lint.SeverityWarning, lint.SeverityOff}, // not in the registry
		{"warn", lint.SeverityInfo, lint.SeverityInfo},      // a suggestion stays one
		{"warn", lint.SeverityError, lint.SeverityWarning},  // never above the config
		{"err", lint.SeverityWarning, lint.SeverityWarning},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%s", tt.rule, tt.reported), func(t *testing.T) {
			out := Severity(&File{Settings: settings}, []lint.Diagnostic{{Rule: tt.rule, Severity: tt.reported}})
			switch {
			case tt.want == lint.SeverityOff && len(out) != 0:
				t.Errorf("kept %+v, want it dropped", out)
			case tt.want != lint.SeverityOff && (len(out) != 1 || out[0].Severity != tt.want):
				t.Errorf("got %+v, want severity %s", out, tt.want)
			}
		})
	}
}

func TestIgnore(t *testing.T) {
	reg := registry(t)
	cfg := loadConfig(t, reg, `ignore:
  - paths: ["archive/**"]
    reason: old pages
  - paths: ["news/*.md"]
    rules: [rule-a]
    reason: quoted
`)
	tests := []struct {
		rel, rule string
		kept      bool
	}{
		{"archive/2019/a.md", "rule-a", false},
		{"archive/2019/a.md", "rule-b", false},
		{"news/a.md", "rule-a", false},
		{"news/a.md", "rule-b", true},
		{"news/sub/a.md", "rule-a", true},
		{"blog/a.md", "rule-a", true},
	}
	step := Ignore(cfg)
	for _, tt := range tests {
		out := step(&File{Rel: tt.rel}, []lint.Diagnostic{{Rule: tt.rule}})
		if (len(out) == 1) != tt.kept {
			t.Errorf("%s %s: kept %v, want %v", tt.rel, tt.rule, len(out) == 1, tt.kept)
		}
	}
	ds := []lint.Diagnostic{{Rule: "rule-a"}}
	if out := Ignore(config.Default("."))(&File{Rel: "archive/a.md"}, ds); len(out) != 1 {
		t.Errorf("no ignore entries: dropped %+v", ds)
	}
}

func TestSort(t *testing.T) {
	d := func(path string, start, end int, rule, msg string) lint.Diagnostic {
		return lint.Diagnostic{Path: path, Start: start, End: end, Rule: rule, Message: msg}
	}
	in := []lint.Diagnostic{
		d("b.md", 0, 1, "r", "m"),
		d("a.md", 5, 9, "r", "m"),
		d("a.md", 5, 7, "s", "m"),
		d("a.md", 5, 7, "r", "n"),
		d("a.md", 5, 7, "r", "m"),
		d("a.md", 1, 20, "z", "z"),
	}
	want := []lint.Diagnostic{in[5], in[4], in[3], in[2], in[1], in[0]}
	got := Sort(nil, slices.Clone(in))
	if !slices.EqualFunc(got, want, func(a, b lint.Diagnostic) bool { return a == b }) {
		t.Errorf("sorted:\n%+v\nwant:\n%+v", got, want)
	}
}

const article = `# Title

<!-- copydesk-disable-next-line rule-a -- a quoted slip -->
A slip.
B slip.
<!-- copydesk-disable rule-b -- quoted letters -->
B slip.
<!-- copydesk-enable rule-b -->
B slip.
`

// at returns a finding of rule on the n-th line of src (1-based).
func at(t *testing.T, src, rule string, line int) lint.Diagnostic {
	t.Helper()
	off := 0
	for range line - 1 {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			t.Fatalf("no line %d", line)
		}
		off += i + 1
	}
	return lint.Diagnostic{Path: "news/a.md", Rule: rule, Start: off, End: off + 1, Message: "slip"}
}

func TestSuppress(t *testing.T) {
	reg := registry(t)
	keep := func(_ *File, ds []lint.Diagnostic) []lint.Diagnostic { return ds }
	tests := []struct {
		name     string
		src      string
		found    []int // lines of rule-a findings; negative: rule-b
		disabled []string
		want     string
	}{
		{"no directives", "# Title\n\nA slip.\n", []int{3}, nil,
			"rule-a@3 off slip\n"},
		{"next line and a region", article, []int{4, -5, -7, -9}, nil,
			"rule-b@5 off slip\nrule-b@9 off slip\n"},
		{"next line covers only the next line", article, []int{5, -5, -9}, nil,
			"rule-a@5 off slip\nrule-b@5 off slip\nrule-b@9 off slip\n" +
				"unused-suppression@3 off copydesk-disable-next-line rule-a matches no finding; remove it\n" +
				"unused-suppression@6 off copydesk-disable rule-b matches no finding; remove it\n"},
		{"a region without its enable runs to the end",
			"# T\n\n<!-- copydesk-disable rule-a -- quoted -->\nA.\n\nA.\n", []int{4, 6}, nil, ""},
		{"a file directive covers every line",
			"# T\n\nA.\n\n<!-- copydesk-disable-file rule-a -- a list of slips -->\n\nA.\n", []int{3, 7, -7}, nil,
			"rule-b@7 off slip\n"},
		{"a directive naming no rule covers every rule",
			"# T\n\n<!-- copydesk-disable-next-line -- a quoted example -->\nA.\n", []int{4, -4}, nil, ""},
		{"no reason",
			"# T\n\n<!-- copydesk-disable-next-line rule-a -->\nA.\n", []int{4}, nil,
			"invalid-suppression@3 off copydesk-disable-next-line has no reason; add one after \"--\", for example <!-- copydesk-disable-next-line rule-a -- quoting the original title -->\n"},
		{"an unknown rule",
			"# T\n\n<!-- copydesk-disable-next-line rule-c -- typo -->\nA.\n", []int{4}, nil,
			"rule-a@4 off slip\n" +
				"invalid-suppression@3 off copydesk-disable-next-line names unknown rule \"rule-c\"\n" +
				"unused-suppression@3 off copydesk-disable-next-line rule-c matches no finding; remove it\n"},
		{"an enable without a disable",
			"# T\n\n<!-- copydesk-enable rule-a -->\nA.\n", []int{4}, nil,
			"rule-a@4 off slip\n" +
				"invalid-suppression@3 off copydesk-enable without an earlier copydesk-disable for the same rules\n"},
		{"an enable closes only a region of the same rules",
			"# T\n\n<!-- copydesk-disable rule-a,rule-b -- quoted -->\n<!-- copydesk-enable rule-a -->\nA.\n", []int{5}, nil,
			"invalid-suppression@4 off copydesk-enable without an earlier copydesk-disable for the same rules\n"},
		{"several rules are named as a list",
			"# T\n\n<!-- copydesk-disable-next-line rule-a,rule-b -- quoted -->\nA.\n", nil, nil,
			"unused-suppression@3 off copydesk-disable-next-line [rule-a rule-b] matches no finding; remove it\n"},
		{"a rule turned off from the command line is not unused",
			"# T\n\n<!-- copydesk-disable-next-line rule-a -- quoted -->\nA.\n", nil, []string{"rule-a"}, ""},
		{"every rule named must be off",
			"# T\n\n<!-- copydesk-disable-next-line rule-a,rule-b -- quoted -->\nA.\n", nil, []string{"rule-a"},
			"unused-suppression@3 off copydesk-disable-next-line [rule-a rule-b] matches no finding; remove it\n"},
		{"a directive for every rule is unused whatever is off",
			"# T\n\n<!-- copydesk-disable-next-line -- quoted -->\nA.\n", nil, []string{"rule-a"},
			"unused-suppression@3 off copydesk-disable-next-line (all rules) matches no finding; remove it\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parse.Parse("news/a.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			f := &File{Path: "news/a.md", Rel: "news/a.md", Summary: doc.Summary}
			var ds []lint.Diagnostic
			for _, l := range tt.found {
				if l < 0 {
					ds = append(ds, at(t, tt.src, "rule-b", -l))
				} else {
					ds = append(ds, at(t, tt.src, "rule-a", l))
				}
			}
			disabled := map[string]bool{}
			for _, id := range tt.disabled {
				disabled[id] = true
			}
			if got := show(f, Suppress(reg, disabled, keep)(f, ds)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestDefault runs the whole chain: the suppression comments' own findings
// obey the config's severities and ignore entries, and come out in order.
func TestDefault(t *testing.T) {
	reg := registry(t)
	const src = "# T\n\n<!-- copydesk-disable-next-line rule-a -->\nA.\nB.\n<!-- copydesk-disable-next-line rule-b -- quoted -->\nA.\n"
	tests := []struct {
		name, config, want string
	}{
		{"defaults", "", "invalid-suppression@3 warning copydesk-disable-next-line has no reason; add one after \"--\", for example <!-- copydesk-disable-next-line rule-a -- quoting the original title -->\n" +
			"rule-b@5 error slip\n" +
			"unused-suppression@6 warning copydesk-disable-next-line rule-b matches no finding; remove it\n" +
			"rule-a@7 warning slip\n"},
		{"severities", "rules:\n  invalid-suppression: error\n  unused-suppression: off\n  rule-b: info\n",
			"invalid-suppression@3 error copydesk-disable-next-line has no reason; add one after \"--\", for example <!-- copydesk-disable-next-line rule-a -- quoting the original title -->\n" +
				"rule-b@5 info slip\n" +
				"rule-a@7 warning slip\n"},
		{"ignore entries", "ignore:\n  - paths: [\"news/**\"]\n    rules: [invalid-suppression, rule-b]\n    reason: r\n",
			// rule-b's finding is ignored before the comment could match it.
			"unused-suppression@6 warning copydesk-disable-next-line rule-b matches no finding; remove it\n" +
				"rule-a@7 warning slip\n"},
		{"a rule off is dropped before the comments see it", "rules:\n  rule-a: off\n",
			"invalid-suppression@3 warning copydesk-disable-next-line has no reason; add one after \"--\", for example <!-- copydesk-disable-next-line rule-a -- quoting the original title -->\n" +
				"unused-suppression@3 warning copydesk-disable-next-line rule-a matches no finding; remove it\n" +
				"rule-b@5 error slip\n" +
				"unused-suppression@6 warning copydesk-disable-next-line rule-b matches no finding; remove it\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config.Default(".")
			if tt.config != "" {
				cfg = loadConfig(t, reg, tt.config)
			}
			doc, err := parse.Parse("news/a.md", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			f := &File{Path: "news/a.md", Rel: "news/a.md", Summary: doc.Summary, Settings: cfg.Settings(reg, "news/a.md")}
			ds := []lint.Diagnostic{at(t, src, "rule-a", 7), at(t, src, "rule-b", 5), at(t, src, "rule-a", 4)}
			if got := show(f, Default(reg, cfg).Run(f, ds)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
