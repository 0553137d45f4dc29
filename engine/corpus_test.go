package engine

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

func toyCorpusRule(id string, c *lint.CorpusCheck) *lint.Rule {
	return &lint.Rule{ID: id, Category: lint.CategoryLinks, Severity: lint.SeverityWarning,
		Doc: lint.Doc{Title: "t", Why: "w", Wrong: "x"}, Corpus: c}
}

// brokenIndex fails to build: every rule that asks for it fails.
var brokenIndex = lint.NewArchiveValue("toy index", func(sums []*document.Summary) int {
	panic(fmt.Sprintf("no index of %d articles", len(sums)))
})

// A corpus rule that fails is an error of the run naming the rule, and of
// no file; the other rules' findings stay as they are without it.
func TestCorpusRuleFailure(t *testing.T) {
	inputs := []Input{
		{Path: "a.txt", Src: []byte("Alpha\n\nBody.\n\n[next]:Beta\n")},
		{Path: "b.txt", Src: []byte("Beta\n\nBody.\n\n[next]:Nowhere\n")},
		{Path: "c.txt", Src: []byte("Gamma\n\nBody.\n\n[next]:Alpha\n")},
	}
	findings := func(res *Result) string {
		var b strings.Builder
		for _, d := range res.Diagnostics() {
			fmt.Fprintf(&b, "%s:%d %s %s\n", d.Path, d.Start, d.Rule, d.Message)
		}
		return b.String()
	}
	clean, err := lint.NewRegistry(append(lint.Builtin(), linkRule)...)
	if err != nil {
		t.Fatal(err)
	}
	want := findings((&Engine{Registry: clean, Config: config.Default(".")}).Lint(inputs))
	if want == "" {
		t.Fatal("the toy rule found nothing: the test would not see findings lost")
	}
	for _, tc := range []struct {
		name   string
		broken []*lint.Rule
		errs   []string // what each run error starts with, in registry order
	}{
		{"check panics", []*lint.Rule{
			toyCorpusRule("toy-panic", lint.Corpus(func(*lint.CorpusPass) { panic("nil map") })),
		}, []string{"internal error: rule toy-panic failed checking the corpus: nil map (please report this)\n"}},
		{"panics after reporting", []*lint.Rule{
			toyCorpusRule("toy-half", lint.CorpusFacts(func(p *lint.Pass) string { return p.Doc.Title }, func(p *lint.CorpusPass, titles []string) {
				p.Report(p.Summaries[0].Path, lint.Diagnostic{Message: "first of " + titles[0]})
				panic("half way")
			})),
		}, []string{"internal error: rule toy-half failed checking the corpus: half way (please report this)\n"}},
		{"shared value fails both its users", []*lint.Rule{
			toyCorpusRule("toy-index-a", lint.Corpus(func(p *lint.CorpusPass) { brokenIndex.Get(p) })),
			toyCorpusRule("toy-index-b", lint.Corpus(func(p *lint.CorpusPass) { brokenIndex.Get(p) })),
		}, []string{
			"internal error: rule toy-index-a failed checking the corpus: building the toy index: no index of 3 articles\n",
			"internal error: rule toy-index-b failed checking the corpus: building the toy index: no index of 3 articles\n",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg, err := lint.NewRegistry(append(append(lint.Builtin(), linkRule), tc.broken...)...)
			if err != nil {
				t.Fatal(err)
			}
			res := (&Engine{Registry: reg, Config: config.Default(".")}).Lint(inputs)
			if len(res.RunErrors) != len(tc.errs) {
				t.Fatalf("run errors %v, want %d", res.RunErrors, len(tc.errs))
			}
			for i, err := range res.RunErrors {
				if !strings.HasPrefix(err.Error(), tc.errs[i]) {
					t.Errorf("run error %d = %q, want it to start %q", i, err, tc.errs[i])
				}
			}
			for _, f := range res.Files {
				if f.Err != nil {
					t.Errorf("%s blamed: %v", f.Path, f.Err)
				}
			}
			var others strings.Builder
			for _, line := range strings.SplitAfter(findings(res), "\n") {
				if !strings.Contains(line, " toy-half ") {
					others.WriteString(line)
				}
			}
			if others.String() != want {
				t.Errorf("the other rules' findings changed:\n%s\nwant\n%s", others.String(), want)
			}
		})
	}
}

// The index lints one file; a corpus rule's failure comes back on it,
// naming the rule, with the other findings.
func TestIndexCorpusRuleFailure(t *testing.T) {
	reg, err := lint.NewRegistry(append(lint.Builtin(), linkRule,
		toyCorpusRule("toy-panic", lint.Corpus(func(*lint.CorpusPass) { panic("nil map") })))...)
	if err != nil {
		t.Fatal(err)
	}
	x := (&Engine{Registry: reg, Config: config.Default(".")}).NewIndex([]string{"."})
	x.Add([]Input{{Path: "a.txt", Src: []byte("Alpha\n\nBody.\n\n[next]:Beta\n")}}, nil)
	f := x.Lint(Input{Path: "b.txt", Src: []byte("Beta\n\nBody.\n\n[next]:Nowhere\n")})
	if f.Err == nil || !strings.Contains(f.Err.Error(), "rule toy-panic failed checking the corpus") {
		t.Errorf("Err = %v, want the failure of toy-panic", f.Err)
	}
	if len(f.Diagnostics) != 1 || f.Diagnostics[0].Rule != "toy-links" {
		t.Errorf("findings %v, want toy-links's one", f.Diagnostics)
	}
}
