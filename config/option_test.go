package config

import (
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/lint"
)

// The options of the rule the decoding tests configure, one of each kind.
var (
	onOption    = lint.BoolOption{Name: "on", Default: true}
	minOption   = lint.IntOption{Name: "min", Default: 3}
	modeOption  = lint.StringOption{Name: "mode", Default: "strict", Enum: []string{"strict", "loose"}}
	labelOption = lint.StringOption{Name: "label", Default: "auto"}
	namesOption = lint.StringsOption{Name: "names", Default: []string{"Museum"}}
)

func kindsRule() *lint.Rule {
	return &lint.Rule{
		ID: "toy", Category: lint.CategoryTypography, Severity: lint.SeverityWarning, Run: func(*lint.Pass) {},
		Doc:     lint.Doc{Title: "t", Why: "w", Wrong: "x"},
		Options: []lint.OptionDecl{onOption, minOption, modeOption, labelOption, namesOption},
	}
}

// TestDecodeOptionKinds: each kind decodes what it should into the value
// the rule reads, refuses what it should not with the message users see,
// and reads its default when the file does not set it.
func TestDecodeOptionKinds(t *testing.T) {
	rule := kindsRule()
	reg, err := lint.NewRegistry(rule)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, yaml string
		want       any    // the value the rule reads, when valid
		err        string // the whole message, when not
	}{
		{"bool", "on: false", false, ""},
		{"bool default", "", true, ""},
		{"bool bad", "on: maybe", nil, `c.yaml:3: rules.toy.on: want true or false, got "maybe"`},
		{"bool list", "on: [true]", nil, `c.yaml:3: rules.toy.on: want true or false, got ""`},
		{"int", "min: 7", 7, ""},
		{"int zero", "min: 0", 0, ""},
		{"int default", "", 3, ""},
		{"int bad", "min: many", nil, `c.yaml:3: rules.toy.min: want a whole number, got "many"`},
		{"int fraction", "min: 2.5", nil, `c.yaml:3: rules.toy.min: want a whole number, got "2.5"`},
		{"int quoted", `min: "4"`, nil, `c.yaml:3: rules.toy.min: want a whole number, got "4"`},
		{"int hex", "min: 0x10", 16, ""},
		{"enum", "mode: loose", "loose", ""},
		{"enum default", "", "strict", ""},
		{"enum miss", "mode: fancy", nil, `c.yaml:3: rules.toy.mode: want one of strict, loose, got "fancy"`},
		{"enum quoted", `mode: "loose"`, "loose", ""},
		{"string", `label: "Date: "`, "Date: ", ""},
		{"string empty", `label: ""`, "", ""},
		{"string number", "label: 12", "12", ""},
		{"string default", "", "auto", ""},
		{"string list", "label: [a]", nil, `c.yaml:3: rules.toy.label: want a string`},
		{"strings", "names: [A, B]", []string{"A", "B"}, ""},
		{"strings empty", "names: []", []string{}, ""},
		{"strings default", "", []string{"Museum"}, ""},
		{"strings scalar", "names: A", nil, `c.yaml:3: rules.toy.names: want a list of strings`},
		{"strings mapping", "names: {a: b}", nil, `c.yaml:3: rules.toy.names: want a list of strings`},
		{"unknown", "nmes: [A]", nil, `c.yaml:3: rules.toy: unknown option "nmes" (known: severity, on, min, mode, label, names)`},
	}
	read := map[string]func(*lint.Pass) any{
		"on":    func(p *lint.Pass) any { return onOption.Get(p) },
		"min":   func(p *lint.Pass) any { return minOption.Get(p) },
		"mode":  func(p *lint.Pass) any { return modeOption.Get(p) },
		"label": func(p *lint.Pass) any { return labelOption.Get(p) },
		"names": func(p *lint.Pass) any { return namesOption.Get(p) },
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "rules:\n  toy:\n    severity: info\n"
			if tt.yaml != "" {
				src = "rules:\n  toy:\n    " + tt.yaml + "\n"
			}
			cfg, err := Parse([]byte(src), "c.yaml", reg)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			pass := &lint.Pass{Rule: rule, Options: cfg.Settings(reg, "a.md")["toy"].Options}
			name := optionName(tt.name)
			if got := read[name](pass); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s reads %#v, want %#v", name, got, tt.want)
			}
		})
	}
}

// optionName is the option a test case of TestDecodeOptionKinds is about.
func optionName(test string) string {
	for _, p := range []struct{ prefix, name string }{{"bool", "on"}, {"int", "min"}, {"enum", "mode"}, {"strings", "names"}, {"string", "label"}} {
		if len(test) >= len(p.prefix) && test[:len(p.prefix)] == p.prefix {
			return p.name
		}
	}
	return ""
}

// TestOptionsPerPath: an override sets an option for the files it
// matches, and leaves the others at the rules section's value or the
// default.
func TestOptionsPerPath(t *testing.T) {
	rule := kindsRule()
	reg, err := lint.NewRegistry(rule)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := Parse([]byte(`rules:
  toy: {min: 5}
overrides:
  - paths: ["strict/**"]
    rules:
      toy: {min: 50, names: [A]}
  - paths: ["strict/old/**"]
    rules:
      toy: warning
`), "c.yaml", reg)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path  string
		min   int
		names []string
	}{
		{"news/a.md", 5, []string{"Museum"}},
		{"strict/a.md", 50, []string{"A"}},
		{"strict/old/a.md", 50, []string{"A"}},
	} {
		pass := &lint.Pass{Rule: rule, Options: cfg.Settings(reg, tt.path)["toy"].Options}
		if n, ns := minOption.Get(pass), namesOption.Get(pass); n != tt.min || !reflect.DeepEqual(ns, tt.names) {
			t.Errorf("%s: min %d names %q, want %d %q", tt.path, n, ns, tt.min, tt.names)
		}
	}
}
