package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
)

func TestSuppression(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // "line rule" in output order
	}{
		{
			name: "next line with a reason",
			src:  "# Bands\n\n<!-- copydesk-disable-next-line repeated-word -- the band is called The The -->\nWe saw The The live.\nThen the the encore.\n",
			want: []string{"5 repeated-word"},
		},
		{
			name: "next line covers only the next line",
			src:  "<!-- copydesk-disable-next-line repeated-word -- quoted slogan -->\n\nGo go now.\n",
			want: []string{"1 unused-suppression", "3 repeated-word"},
		},
		{
			name: "next line covers only its rule",
			src:  "<!-- copydesk-disable-next-line nbsp -- printer's spacing -->\nGo go\u00a0now.   \n",
			want: []string{"2 repeated-word", "2 trailing-whitespace"},
		},
		{
			name: "region",
			src: "Before the the region.\n\n<!-- copydesk-disable repeated-word -- quoting the original headline -->\n" +
				"Inside a a region.\n\nStill in in it.\n<!-- copydesk-enable repeated-word -->\n\nAfter after it.\n",
			want: []string{"1 repeated-word", "9 repeated-word"},
		},
		{
			name: "region without enable runs to the end",
			src:  "<!-- copydesk-disable repeated-word -- archive copy -->\nOne one.\n\nTwo two.\n",
			want: nil,
		},
		{
			name: "unused next line",
			src:  "<!-- copydesk-disable-next-line repeated-word -- nothing here -->\nClean line.\n",
			want: []string{"1 unused-suppression"},
		},
		{
			name: "unused region",
			src:  "<!-- copydesk-disable repeated-word -- nothing here -->\nClean.\n<!-- copydesk-enable repeated-word -->\n",
			want: []string{"1 unused-suppression"},
		},
		{
			name: "no reason",
			src:  "<!-- copydesk-disable-next-line repeated-word -->\nThe the end.\n",
			want: []string{"1 invalid-suppression"},
		},
		{
			name: "unknown rule",
			src:  "<!-- copydesk-disable-next-line repeted-word -- typo -->\nThe the end.\n",
			want: []string{"1 invalid-suppression", "1 unused-suppression", "2 repeated-word"},
		},
		{
			name: "enable without disable",
			src:  "<!-- copydesk-enable repeated-word -->\nCalm.\n",
			want: []string{"1 invalid-suppression"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			workdir(t)
			write(t, "a.md", tt.src)
			r := cli(t, "", "lint", "--format", "json", "a.md")
			m := decode(t, r)
			var got []string
			for _, d := range m.diags(t) {
				got = append(got, num(t, d["line"]).String()+" "+str(d["rule"]))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("diagnostics %v, want %v\n%s", got, tt.want, r.stdout)
			}
			want := 0
			if len(tt.want) > 0 {
				want = 1
			}
			wantCode(t, r, want)
		})
	}
}

func TestSuppressionMessages(t *testing.T) {
	workdir(t)
	write(t, "a.md", "<!-- copydesk-disable-next-line repeated-word -- nothing -->\nCalm.\n\n<!-- copydesk-disable-next-line nbsp -->\nGulls\u00a0cried.\n")
	r := cli(t, "", "lint", "a.md")
	wantCode(t, r, 1)
	mustContain(t, "stdout", r.stdout,
		"a.md:1:1: warning [unused-suppression] copydesk-disable-next-line repeated-word matches no finding",
		"a.md:4:1: warning [invalid-suppression] copydesk-disable-next-line has no reason")
	// The suppression rules can be configured like any other.
	write(t, ".copydesk.yaml", "rules:\n  unused-suppression: off\n  invalid-suppression: error\n")
	r = cli(t, "", "lint", "--format", "json", "a.md")
	wantCode(t, r, 1)
	m := decode(t, r)
	if got := m.rulesOf(t); !slices.Equal(got, []string{"a.md:4 invalid-suppression"}) {
		t.Errorf("diagnostics %v", got)
	}
	if m.diags(t)[0]["severity"] != "error" {
		t.Errorf("severity %v", m.diags(t)[0]["severity"])
	}
}

// TestSuppressionOnlyInMarkdown: plain text has no comments, so the
// directive is text and suppresses nothing.
func TestSuppressionOnlyInMarkdown(t *testing.T) {
	workdir(t)
	src := "<!-- copydesk-disable-next-line repeated-word -- slogan -->\nGo go now.\n"
	write(t, "a.txt", src)
	r := cli(t, "", "lint", "--format", "json", "a.txt")
	wantCode(t, r, 1)
	if got := decode(t, r).rulesOf(t); !slices.Equal(got, []string{"a.txt:2 repeated-word"}) {
		t.Errorf("diagnostics %v", got)
	}
}

func TestConfigSeverityAndOff(t *testing.T) {
	workdir(t)
	write(t, "a.md", "The the tide.   \nGulls\u00a0cried.\n")
	tests := []struct {
		config string
		code   int
		want   []string // "rule severity"
	}{
		{"", 1, []string{"repeated-word warning", "trailing-whitespace warning", "nbsp warning"}},
		{"# nothing but a comment\n", 1, []string{"repeated-word warning", "trailing-whitespace warning", "nbsp warning"}},
		{"rules:\n  repeated-word: error\n", 1, []string{"repeated-word error", "trailing-whitespace warning", "nbsp warning"}},
		{"rules:\n  repeated-word: off\n  nbsp: info\n", 1, []string{"trailing-whitespace warning", "nbsp info"}},
		{"rules:\n  repeated-word: off\n  nbsp: off\n  trailing-whitespace: {severity: info}\n", 0, []string{"trailing-whitespace info"}},
		{"rules:\n  nbsp:\n    allow-with-numbers: false\n    severity: off\n  repeated-word: warn\n  trailing-whitespace: note\n", 1, []string{"repeated-word warning", "trailing-whitespace info"}},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.config, "\n", " "), func(t *testing.T) {
			os.Remove(config.FileName)
			if tt.config != "" {
				write(t, config.FileName, tt.config)
			}
			r := cli(t, "", "lint", "--format", "json", "a.md")
			wantCode(t, r, tt.code)
			var got []string
			for _, d := range decode(t, r).diags(t) {
				got = append(got, str(d["rule"])+" "+str(d["severity"]))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestConfigRuleOptions(t *testing.T) {
	workdir(t)
	// Two trailing spaces inside a Markdown paragraph are a hard break.
	write(t, "a.md", "First line  \nsecond line.\n")
	// A no-break space between a number and its unit is typography.
	write(t, "b.txt", "The pier is 300\u00a0m long.\n")
	r := cli(t, "", "lint", "--format", "json", ".")
	wantCode(t, r, 0)
	write(t, config.FileName, "rules:\n  trailing-whitespace: {allow-hard-breaks: false}\n  nbsp:\n    allow-with-numbers: false\n")
	r = cli(t, "", "lint", "--format", "json", ".")
	wantCode(t, r, 1)
	if got, want := decode(t, r).rulesOf(t), []string{"a.md:1 trailing-whitespace", "b.txt:1 nbsp"}; !slices.Equal(got, want) {
		t.Errorf("with options off: %v, want %v", got, want)
	}
}

func TestConfigOverridesIgnoreIncludeExclude(t *testing.T) {
	workdir(t)
	const defect = "The the tide.\nGulls\u00a0cried.\n"
	for _, p := range []string{"a.md", "news/2026/b.md", "archive/c.md", "imported/d.md", "drafts/e.md", "notes/f.rst", "notes/g.txt"} {
		write(t, p, defect)
	}
	write(t, config.FileName, `version: 1
include: ["*.md", "notes/*.rst"]
exclude: ["drafts/**"]
rules:
  nbsp: info
  date-missing: off # the files are snippets, not articles
  title-missing: off
overrides:
  - paths: ["news/**"]
    rules:
      repeated-word: error
  - paths: ["news/2026/**", "archive/**"]
    rules:
      nbsp: off
  - paths: ["archive/**"]
    rules:
      repeated-word: info
ignore:
  - paths: ["imported/**"]
    rules: [repeated-word]
    reason: copied verbatim from the wire service
  - paths: ["notes/f.rst"]
    reason: all rules
`)
	r := cli(t, "", "lint", "--format", "json")
	wantCode(t, r, 1)
	var got []string
	for _, d := range decode(t, r).diags(t) {
		got = append(got, str(d["path"])+" "+str(d["rule"])+" "+str(d["severity"]))
	}
	want := []string{
		"a.md repeated-word warning",
		"a.md nbsp info",
		"archive/c.md repeated-word info",
		"imported/d.md nbsp info",
		"news/2026/b.md repeated-word error",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A file named on the command line is linted unless excluded.
	r = cli(t, "", "lint", "--format", "json", "notes/g.txt", "drafts/e.md")
	if got := decode(t, r).rulesOf(t); !slices.Equal(got, []string{"notes/g.txt:1 repeated-word", "notes/g.txt:2 nbsp"}) {
		t.Errorf("named files: %v", got)
	}
}

// TestConfigFoundWalkingUp: the nearest .copydesk.yaml from the current
// folder up applies, and its globs are relative to its own folder.
func TestConfigFoundWalkingUp(t *testing.T) {
	root := workdir(t)
	write(t, "site/"+config.FileName, "rules:\n  repeated-word: error\noverrides:\n  - paths: [\"news/**\"]\n    rules:\n      repeated-word: off\n")
	write(t, "site/news/a.md", "The the tide.\n")
	write(t, "site/blog/deep/b.md", "The the tide.\n")
	write(t, "outside.md", "The the tide.\n")

	t.Chdir(filepath.Join(root, "site", "blog", "deep"))
	r := cli(t, "", "lint", "--format", "json", ".", "../../news/a.md")
	wantCode(t, r, 1)
	m := decode(t, r)
	ds := m.diags(t)
	if len(ds) != 1 || ds[0]["path"] != "b.md" || ds[0]["severity"] != "error" {
		t.Errorf("from site/blog/deep: %v", m.rulesOf(t))
	}

	// Above the config, the defaults apply.
	t.Chdir(root)
	r = cli(t, "", "lint", "--format", "json", "outside.md")
	wantCode(t, r, 1)
	if ds := decode(t, r).diags(t); len(ds) != 1 || ds[0]["severity"] != "warning" {
		t.Errorf("outside: %v", ds)
	}

	// --config names one explicitly, wherever we are.
	r = cli(t, "", "lint", "--format", "json", "--config", "site/"+config.FileName, "outside.md")
	if ds := decode(t, r).diags(t); len(ds) != 1 || ds[0]["severity"] != "error" {
		t.Errorf("--config: %v", ds)
	}
	// A config file with another name works with --config.
	write(t, "strict.yaml", "rules:\n  repeated-word: off\n")
	r = cli(t, "", "lint", "--config", "strict.yaml", "outside.md")
	wantCode(t, r, 0)
}

func TestBadConfig(t *testing.T) {
	tests := []struct {
		name   string
		config string
		line   int
		want   []string
	}{
		{"unknown key", "version: 1\nrules:\n  nbsp: info\nincludes: [\"*.md\"]\n", 4, []string{`unknown key "includes"`}},
		{"unknown rule", "rules:\n  nbsp: info\n  repeted-word: error\n", 3, []string{`unknown rule "repeted-word"`, `did you mean "repeated-word"`}},
		{"bad severity", "rules:\n  repeated-word: loud\n", 2, []string{"repeated-word", `unknown severity "loud"`}},
		{"bad severity in a mapping", "rules:\n  nbsp:\n    severity: severe\n", 3, []string{"nbsp.severity", `"severe"`}},
		{"unknown option", "rules:\n  trailing-whitespace:\n    allow-soft-breaks: true\n", 3, []string{`unknown option "allow-soft-breaks"`, "allow-hard-breaks"}},
		{"bad option value", "rules:\n  trailing-whitespace: {allow-hard-breaks: maybe}\n", 2, []string{"allow-hard-breaks", `"maybe"`}},
		{"unknown rule in override", "overrides:\n  - paths: [\"a/**\"]\n    rules:\n      blank-line: off\n", 4, []string{`unknown rule "blank-line"`}},
		{"unknown key in override", "overrides:\n  - paths: [\"a/**\"]\n    rule:\n      nbsp: off\n", 3, []string{`unknown key "rule"`}},
		{"unknown rule in ignore", "ignore:\n  - paths: [\"a/**\"]\n    rules: [nbps]\n", 3, []string{`unknown rule "nbps"`}},
		{"bad version", "version: 2\n", 1, []string{"version"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := workdir(t)
			write(t, "a.md", "The the tide.\n")
			for _, how := range []string{"found", "flag"} {
				var r result
				file := filepath.Join(dir, config.FileName)
				if how == "found" {
					write(t, config.FileName, tt.config)
					r = cli(t, "", "lint", "a.md")
				} else {
					os.Remove(config.FileName)
					write(t, "conf/custom.yaml", tt.config)
					file = "conf/custom.yaml"
					r = cli(t, "", "lint", "--config", file, "a.md")
				}
				wantCode(t, r, 2)
				if r.stdout != "" {
					t.Errorf("%s: stdout %q; nothing is linted with a bad config", how, r.stdout)
				}
				loc := file + ":" + strconv.Itoa(tt.line) + ": "
				mustContain(t, how+" stderr", r.stderr, append([]string{loc}, tt.want...)...)
				// fix refuses too, and writes nothing.
				r = cli(t, "", "fix", "--config", file, "a.md")
				if how == "found" {
					r = cli(t, "", "fix", "a.md")
				}
				wantCode(t, r, 2)
				if got := string(mustRead(t, "a.md")); got != "The the tide.\n" {
					t.Errorf("fix with a bad config changed the file")
				}
			}
		})
	}
}

func TestBadConfigNotYAML(t *testing.T) {
	workdir(t)
	write(t, "a.md", "Calm.\n")
	write(t, config.FileName, "rules: [\n")
	r := cli(t, "", "lint", "a.md")
	wantCode(t, r, 2)
	mustContain(t, "stderr", r.stderr, config.FileName, "YAML")
}
