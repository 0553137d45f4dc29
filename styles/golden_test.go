package styles

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/parse"
)

// TestGolden runs one rule of each type over invented articles whose
// expected findings are written inline; fixes are compared with .golden
// files (go test -update rewrites them).
func TestGolden(t *testing.T) {
	for _, typ := range supported {
		t.Run(typ, func(t *testing.T) {
			dir := filepath.Join("testdata", typ)
			set, err := Load(dir, []string{"Test"})
			if err != nil {
				t.Fatal(err)
			}
			if len(set.Rules()) != 1 {
				t.Fatalf("want one rule in %s/Test, got %d", dir, len(set.Rules()))
			}
			linttest.Run(t, dir, set.Rules()[0])
		})
	}
}

// runRule runs one rule of a set over a Markdown text and lists what it
// found as "text" or, with a fix, "text→replacement".
func runRule(t *testing.T, set *Set, id, text string) []string {
	t.Helper()
	var rule *lint.Rule
	for _, r := range set.Rules() {
		if r.ID == id {
			rule = r
		}
	}
	if rule == nil {
		t.Fatalf("no rule %s", id)
	}
	doc, err := parse.Parse("test.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range lint.Check(rule, doc, lint.Options{}) {
		s := text[d.Start:d.End]
		if d.Fix != nil {
			s += "→" + d.Fix.Edits[0].NewText
			if d.Fix.Applicability == lint.Unsafe {
				s += " (unsafe)"
			}
		}
		out = append(out, s)
	}
	return out
}

// compileOne compiles one rule file's text as Test.Rule.
func compileOne(t *testing.T, yml string) (*Set, error) {
	t.Helper()
	return Compile([]Source{{File: "styles/Test/Rule.yml", ID: "Test.Rule", Data: []byte(yml)}})
}

func TestRules(t *testing.T) {
	tests := []struct {
		name string
		yml  string
		text string
		want string // findings joined by |
	}{
		{"existence words", "extends: existence\nmessage: '%s'\ntokens: [colour, per cent]\n",
			"Colour and colour, per  cent, per cent and discolour.\n", "colour|per cent"},
		{"existence ignorecase", "extends: existence\nmessage: '%s'\nignorecase: true\ntokens: [colour]\n",
			"Colour and COLOUR.\n", "Colour|COLOUR"},
		{"existence nonword", "extends: existence\nmessage: '%s'\nnonword: true\ntokens: ['\\s[—–]\\s']\n",
			"Ferries — and boats—run.\n", " — "},
		{"existence raw", "extends: existence\nmessage: '%s'\nignorecase: true\nraw: ['\\b(?:is|was)\\b\\s*']\ntokens: ['\\w+ed', 'given']\n",
			"The boat was painted and is given away; it is blue.\n", "was painted|is given"},
		{"existence append", "extends: existence\nmessage: '%s'\nappend: true\nraw: ['\\s+now']\ntokens: [go]\n",
			"We go now, they go later.\n", "go now"},
		{"existence lookahead", "extends: existence\nmessage: '%s'\ntokens: ['it is(?!\\.)']\n",
			"I think it is. And it is here.\n", "it is"},
		{"existence phrase exception", "extends: existence\nmessage: '%s'\ntokens: [Utilize]\nexceptions: [Utilize Labs]\n",
			"Utilize Labs opened. Utilize it.\n", "Utilize"},
		{"existence exceptions", "extends: existence\nmessage: '%s'\ntokens: ['[A-Z]{3,}']\nexceptions: [HCTV]\nnonword: true\n",
			"HCTV and BBQ.\n", "BBQ"},
		{"existence remove", "extends: existence\nmessage: '%s'\nfix: safe\naction: {name: remove}\ntokens: [very]\n",
			"It is very big.\n", "very→"},
		{"existence replace", "extends: existence\nmessage: '%s'\nfix: unsafe\naction: {name: replace, params: [address]}\ntokens: [URL]\n",
			"Type the URL here.\n", "URL→ADDRESS (unsafe)"},
		{"existence limit", "extends: existence\nmessage: '%s'\nlimit: 1\ntokens: [ferry]\n",
			"A ferry and a ferry.\n", "ferry"},
		{"substitution keeps case", "extends: substitution\nmessage: '%s'\nignorecase: true\nfix: safe\nswap: {utilize: use}\n",
			"Utilize it. UTILIZE IT. utilize it.\n", "Utilize→Use|UTILIZE→USE|utilize→use"},
		{"substitution default unsafe", "extends: substitution\nmessage: '%s'\nswap: {colour: color}\n",
			"The colour.\n", "colour→color (unsafe)"},
		{"substitution fix none", "extends: substitution\nmessage: '%s'\nfix: none\nswap: {colour: color}\n",
			"The colour.\n", "colour"},
		{"substitution choices have no fix", "extends: substitution\nmessage: '%s'\nswap: {addict: person with an addiction|person in recovery}\n",
			"An addict.\n", "addict"},
		{"substitution already right", "extends: substitution\nmessage: '%s'\nignorecase: true\nswap: {'e-?mail': email}\n",
			"Send email or e-mail.\n", "e-mail→email (unsafe)"},
		{"substitution longest first", "extends: substitution\nmessage: '%s'\nswap: {in order: to, in order to: to}\n",
			"We left in order to sail.\n", "in order to→to (unsafe)"},
		{"substitution link text unsafe", "extends: substitution\nmessage: '%s'\nfix: safe\nswap: {colour: color}\n",
			"See [colour chart](https://example.org/colour) and colour.\n", "colour→color (unsafe)|colour→color"},
		{"substitution across emphasis has no fix", "extends: substitution\nmessage: '%s'\nfix: safe\nswap: {per cent: percent}\n",
			"Up 5 *per* cent.\n", "per* cent"},
		{"scope heading", "extends: existence\nmessage: '%s'\nscope: heading\nignorecase: true\ntokens: [ferry]\n",
			"# Ferry news\n\nThe ferry.\n\n## Old ferry\n", "Ferry|ferry"},
		{"scope heading.h2", "extends: existence\nmessage: '%s'\nscope: heading.h2\ntokens: [ferry]\n",
			"# Ferry news\n\nThe ferry.\n\n## Old ferry\n", "ferry"},
		{"scope list and blockquote", "extends: existence\nmessage: '%s'\nscope: [list, blockquote]\ntokens: [ferry]\n",
			"A ferry.\n\n- one ferry\n\n> a ferry\n", "ferry|ferry"},
		{"scope not blockquote", "extends: existence\nmessage: '%s'\nscope: [text, ~blockquote]\ntokens: [ferry]\n",
			"A ferry.\n\n> a ferry\n", "ferry"},
		{"scope table", "extends: existence\nmessage: '%s'\nscope: table.header\ntokens: [ferry]\n",
			"| ferry | time |\n| --- | --- |\n| ferry | 9:00 |\n", "ferry"},
		{"scope alt", "extends: existence\nmessage: '%s'\nscope: alt\ntokens: [ferry]\n",
			"A ferry. ![The old ferry](ferry.png)\n\n![Ferry](a.png) and `![ferry](b.png)` in code.\n", "ferry"},
		{"scope title", "extends: existence\nmessage: '%s'\nscope: title\ntokens: [ferry]\n",
			"---\ntitle: New ferry\ndescription: A ferry\n---\n\nThe ferry.\n", "ferry"},
		{"front matter and code never", "extends: existence\nmessage: '%s'\ntokens: [ferry]\n",
			"---\nsummary: ferry\n---\n\n`ferry` and https://ferry.example.org/ferry\n\n```\nferry\n```\n", ""},
		{"occurrence min", "extends: occurrence\nmessage: 'only %d'\nscope: paragraph\nmin: 3\ntoken: '\\bferry\\b'\n",
			"A ferry.\n\nA ferry, a ferry and a ferry.\n\nNo boats.\n", "ferry|No"},
		{"capitalization title", "extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: $title\n",
			"# The Ferry of the Year\n\n# The ferry of the year\n", "The ferry of the year"},
		{"capitalization lower", "extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: $lower\n",
			"# ferry news\n\n# Ferry news\n", "Ferry news"},
		{"capitalization pattern", "extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: '^[A-Z]'\n",
			"# ferry news\n\n# Ferry news\n", "ferry news"},
		{"repetition ignorecase", "extends: repetition\nmessage: '%s'\nignorecase: true\ntokens: ['[^\\s]+']\n",
			"The the boat.\n", "The the"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := compileOne(t, tt.yml)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(runRule(t, set, "Test.Rule", tt.text), "|")
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestConcurrent lints the golden articles with every golden rule, many
// files at once (run with -race), and wants the findings of one worker.
func TestConcurrent(t *testing.T) {
	var rules []*lint.Rule
	var inputs []engine.Input
	for _, typ := range supported {
		dir := filepath.Join("testdata", typ)
		set, err := Load(dir, []string{"Test"})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range set.Rules() {
			r2 := *r
			r2.ID = strings.Replace(r.ID, "Test.", "T"+typ[:4]+".", 1)
			rules = append(rules, &r2)
		}
		src, err := os.ReadFile(filepath.Join(dir, "article.md"))
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 8; i++ {
			inputs = append(inputs, engine.Input{Path: fmt.Sprintf("%s-%d.md", typ, i), Src: src})
		}
	}
	reg, err := lint.NewRegistry(rules...)
	if err != nil {
		t.Fatal(err)
	}
	lintWith := func(workers int) string {
		eng := &engine.Engine{Registry: reg, Config: config.Default("."), Workers: workers}
		var b strings.Builder
		for _, d := range eng.Lint(inputs).Diagnostics() {
			fmt.Fprintf(&b, "%s:%d-%d %s %s\n", d.Path, d.Start, d.End, d.Rule, d.Message)
		}
		return b.String()
	}
	one, many := lintWith(1), lintWith(8)
	if one != many {
		t.Errorf("8 workers differ from 1:\n%s\nvs\n%s", many, one)
	}
	if strings.Count(one, "\n") < 8*7 {
		t.Errorf("only %d findings", strings.Count(one, "\n"))
	}
}
