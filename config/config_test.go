package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
)

// The test rule's options, and what it sees of them for a file.
var (
	styleOption = lint.StringOption{Name: "style", Default: "consistent", Enum: []string{"consistent", "curly", "straight"}}
	maxOption   = lint.IntOption{Name: "max", Default: 3}
)

func testRegistry(t *testing.T) *lint.Registry {
	t.Helper()
	rule := &lint.Rule{
		ID: "repeated-word", Category: lint.CategoryTypography, Severity: lint.SeverityWarning, Run: func(*lint.Pass) {},
		Doc:     lint.Doc{Title: "t", Why: "w", Wrong: "x"},
		Options: []lint.OptionDecl{styleOption, maxOption},
	}
	reg, err := lint.NewRegistry(append(lint.Builtin(), rule)...)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

func TestParseConfigErrors(t *testing.T) {
	reg := testRegistry(t)
	tests := []struct{ yaml, want string }{
		{"rulez: {}\n", `cfg.yaml:1: unknown key "rulez"`},
		{"rules:\n  repeated-wrd: off\n", `cfg.yaml:2: rules: unknown rule "repeated-wrd"; did you mean "repeated-word"?`},
		{"rules:\n  repeated-word: loud\n", `cfg.yaml:2: rules.repeated-word: unknown severity "loud"`},
		{"rules:\n  repeated-word:\n    colour: red\n", `cfg.yaml:3: rules.repeated-word: unknown option "colour" (known: severity, style, max)`},
		{"rules:\n  repeated-word:\n    style: fancy\n", `cfg.yaml:3: rules.repeated-word.style: want one of consistent, curly, straight, got "fancy"`},
		{"rules:\n  repeated-word:\n    max: many\n", `cfg.yaml:3: rules.repeated-word.max: want a whole number, got "many"`},
		{"version: 2\n", `cfg.yaml:1: version: unsupported config version "2"`},
		{"include: [\"[a-\"]\n", `cfg.yaml:1: include: malformed glob "[a-"`},
		{"overrides:\n  - rules: {}\n", `cfg.yaml:2: overrides: an entry needs paths`},
		{"ignore:\n  - paths: [a]\n    rules: [nope]\n", `cfg.yaml:3: ignore.rules: unknown rule "nope"`},
		{"rules: [a]\n", `cfg.yaml:1: rules: want a mapping`},
		{"- a\n", `cfg.yaml:1: the config must be a mapping`},
		{"rules: {\n", `cfg.yaml: not valid YAML`},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.yaml), "cfg.yaml", reg)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseConfig(%q) error = %v, want it to contain %q", tt.yaml, err, tt.want)
		}
	}
}

func TestConfigSettings(t *testing.T) {
	reg := testRegistry(t)
	cfg, err := Parse([]byte(`version: 1
rules:
  repeated-word:
    severity: error
    style: curly
overrides:
  - paths: ["archive/**"]
    rules:
      repeated-word: warning
  - paths: ["archive/2019/**"]
    rules:
      repeated-word: {max: 5}
ignore:
  - paths: ["imported/*.txt"]
    rules: [repeated-word]
    reason: typeset elsewhere
`), "cfg.yaml", reg)
	if err != nil {
		t.Fatal(err)
	}
	rule, _ := reg.Lookup("repeated-word")
	s := cfg.Settings(reg, "news/a.md")["repeated-word"]
	pass := &lint.Pass{Rule: rule, Options: s.Options}
	if s.Severity != lint.SeverityError || styleOption.Get(pass) != "curly" || maxOption.Get(pass) != 3 {
		t.Errorf("news: %+v", s)
	}
	s = cfg.Settings(reg, "archive/2019/a.md")["repeated-word"]
	pass = &lint.Pass{Rule: rule, Options: s.Options}
	if s.Severity != lint.SeverityWarning || styleOption.Get(pass) != "curly" || maxOption.Get(pass) != 5 {
		t.Errorf("archive/2019: %+v", s)
	}
	if !cfg.Ignored("repeated-word", "imported/x.txt") || cfg.Ignored("repeated-word", "imported/x.md") || cfg.Ignored("nbsp", "imported/x.txt") {
		t.Error("ignore entries matched wrongly")
	}
	// The defaults are untouched by an override elsewhere.
	if rule.Options[0].Spec().Default != "consistent" || styleOption.Get(&lint.Pass{Rule: rule}) != "consistent" {
		t.Error("settings leaked into the rule's defaults")
	}
}

func TestParseConfigGlossaryDatesCorpus(t *testing.T) {
	reg := testRegistry(t)
	cfg, err := Parse([]byte(`names:
  - name: Harbor City Museum of Science and Technology
    aliases: [HCMST, the Museum]
    variants: [Harbor City Museum of Sciences and Technology]
  - Anna Berg
dates:
  sources: [line, front-matter]
  undated: ["pages/**"]
  order: day-first
corpus: ["archive/**"]
`), "cfg.yaml", reg)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Names) != 2 || cfg.Names[0].Aliases[0] != "HCMST" || cfg.Names[0].Variants[0] != "Harbor City Museum of Sciences and Technology" || cfg.Names[1].Name != "Anna Berg" || cfg.Names[1].Source != "cfg.yaml:5" {
		t.Errorf("names = %+v", cfg.Names)
	}
	if cfg.Dates.Order != "day-first" || len(cfg.Dates.Sources) != 2 || cfg.Dates.Undated[0] != "pages/**" || cfg.Corpus[0] != "archive/**" {
		t.Errorf("dates = %+v, corpus = %v", cfg.Dates, cfg.Corpus)
	}
	for yaml, want := range map[string]string{
		"dates:\n  sources: [line, rss]\n":    `dates.sources: unknown source "rss"`,
		"dates:\n  order: sideways\n":         `dates.order: want day-first or month-first`,
		"names:\n  - aliases: [X]\n":          `names: an entry needs a name`,
		"names:\n  - name: X\n    alias: Y\n": `names: unknown key "alias"`,
	} {
		if _, err := Parse([]byte(yaml), "cfg.yaml", reg); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", yaml, err, want)
		}
	}
}

func TestLoadConfigNamesFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "glossary"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".copydesk.yaml", "names:\n  - Anna Berg\nnames-files: [glossary/people.yaml, glossary/orgs.yaml]\n")
	write("glossary/people.yaml", "- name: Lena Keller\n  variants: [Lena Kellar]\n")
	write("glossary/orgs.yaml", "names:\n  - name: Lakeside University\n    aliases: [LU]\n")
	cfg, err := Load(filepath.Join(dir, ".copydesk.yaml"), testRegistry(t))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range cfg.Names {
		got = append(got, n.Name)
	}
	if strings.Join(got, "|") != "Anna Berg|Lena Keller|Lakeside University" || cfg.Names[1].Source != "glossary/people.yaml:1" {
		t.Errorf("names = %+v", cfg.Names)
	}
	write("glossary/orgs.yaml", "names:\n  - name: X\n    nickname: Y\n")
	if _, err := Load(filepath.Join(dir, ".copydesk.yaml"), testRegistry(t)); err == nil || !strings.Contains(err.Error(), `glossary/orgs.yaml:3: names: unknown key "nickname"`) {
		t.Errorf("error = %v", err)
	}
}

func TestOffEverywhere(t *testing.T) {
	reg := testRegistry(t)
	for yaml, want := range map[string]bool{
		"rules:\n  repeated-word: off\n":     true,
		"rules:\n  repeated-word: warning\n": false,
		"":                                   false,
		"rules:\n  repeated-word: off\noverrides:\n  - paths: [news/**]\n    rules:\n      repeated-word: error\n": false,
	} {
		cfg, err := Parse([]byte(yaml), "cfg.yaml", reg)
		if err != nil {
			t.Fatal(err)
		}
		if got := cfg.OffEverywhere("repeated-word"); got != want {
			t.Errorf("%q: OffEverywhere = %v, want %v", yaml, got, want)
		}
	}
}
