package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/ruledoc"
	"github.com/copydesk/copydesk/rules"
	yaml "go.yaml.in/yaml/v3"
)

func repoFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(pkgDir, "..", "..", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestRulesDocFresh fails when docs/rules.md no longer matches the rules
// registered now: whoever adds or changes a rule regenerates it.
func TestRulesDocFresh(t *testing.T) {
	r := cli(t, "", "rules", "--format", "markdown")
	wantCode(t, r, 0)
	if r.stdout != ruledoc.Markdown(rules.Registry().Rules()) {
		t.Fatal("rules --format markdown differs from ruledoc.Markdown")
	}
	if got := repoFile(t, "docs/rules.md"); got != r.stdout {
		t.Errorf("docs/rules.md is stale; regenerate it from the repository root with:\n\t%s", ruledoc.Command)
	}
}

// yamlBlocks returns the ```yaml code blocks of a Markdown file.
func yamlBlocks(md string) []string {
	var out []string
	for _, m := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(md, -1) {
		out = append(out, m[1])
	}
	return out
}

type workflow struct {
	Name        string            `yaml:"name"`
	On          map[string]any    `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		RunsOn string `yaml:"runs-on"`
		Steps  []struct {
			Name string            `yaml:"name"`
			Uses string            `yaml:"uses"`
			If   string            `yaml:"if"`
			Run  string            `yaml:"run"`
			With map[string]string `yaml:"with"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

func TestCIDocWorkflow(t *testing.T) {
	blocks := yamlBlocks(repoFile(t, "docs/ci.md"))
	if len(blocks) == 0 {
		t.Fatal("docs/ci.md has no yaml block")
	}
	var wf workflow
	dec := yaml.NewDecoder(strings.NewReader(blocks[0]))
	dec.KnownFields(true)
	if err := dec.Decode(&wf); err != nil {
		t.Fatalf("the workflow in docs/ci.md is not valid: %v", err)
	}
	if _, ok := wf.On["pull_request"]; !ok {
		t.Errorf("the workflow does not run on pull requests: %v", wf.On)
	}
	if wf.Permissions["security-events"] != "write" {
		t.Errorf("upload-sarif needs security-events: write, have %v", wf.Permissions)
	}
	job, ok := wf.Jobs["copydesk"]
	if !ok || job.RunsOn == "" {
		t.Fatalf("no copydesk job with runs-on: %+v", wf.Jobs)
	}
	var uses, runs []string
	sarifFile := ""
	for _, s := range job.Steps {
		if s.Uses != "" {
			uses = append(uses, strings.Split(s.Uses, "@")[0])
		}
		if s.Run != "" {
			runs = append(runs, s.Run)
		}
		switch strings.Split(s.Uses, "@")[0] {
		case "actions/checkout":
			if s.With["fetch-depth"] != "0" {
				t.Errorf("checkout needs fetch-depth: 0 for --changed-since, has %v", s.With)
			}
		case "github/codeql-action/upload-sarif":
			sarifFile = s.With["sarif_file"]
			if s.If != "always()" {
				t.Errorf("the upload should run even when linting failed: if %q", s.If)
			}
		}
	}
	if want := []string{"actions/checkout", "actions/setup-go", "github/codeql-action/upload-sarif"}; !slices.Equal(uses, want) {
		t.Errorf("actions used: %v, want %v", uses, want)
	}
	all := strings.Join(runs, "\n")
	// copydesk has no published module path or release tag: the docs say
	// how to build it from a clone.
	mustNotContain(t, "the workflow's commands", all, "go install github.com/", "@latest")
	mustContain(t, "the workflow's commands", all,
		"go install ./cmd/copydesk",
		"copydesk lint --changed-since origin/main --format github",
		"--format sarif")
	if sarifFile == "" || !strings.Contains(all, "> "+sarifFile) {
		t.Errorf("upload-sarif uploads %q, which no step writes", sarifFile)
	}
	// Every copydesk command in the docs uses flags that exist.
	for _, cmdline := range copydeskCommands(repoFile(t, "docs/ci.md")) {
		checkFlags(t, cmdline)
	}
}

// copydeskCommands finds `copydesk SUBCOMMAND ...` command lines in text,
// without comments, redirections or pipes.
func copydeskCommands(text string) []string {
	var out []string
	for _, m := range regexp.MustCompile("(?m)(?:^|run: |`)(copydesk (?:lint|fix)[^`#>|\n]*)").FindAllStringSubmatch(text, -1) {
		out = append(out, strings.TrimSpace(m[1]))
	}
	return out
}

func checkFlags(t *testing.T, cmdline string) {
	t.Helper()
	args := strings.Fields(cmdline)[1:]
	cmd, rest, err := newRoot(&env{}).Find(args)
	if err != nil {
		t.Errorf("%q: %v", cmdline, err)
		return
	}
	for _, a := range rest {
		if name, ok := strings.CutPrefix(a, "--"); ok && cmd.Flags().Lookup(name) == nil {
			t.Errorf("%q: copydesk %s has no flag --%s", cmdline, cmd.Name(), name)
		}
	}
}

func TestCIDocConfigAndPreCommit(t *testing.T) {
	blocks := yamlBlocks(repoFile(t, "docs/ci.md"))
	var configs, precommits int
	for _, b := range blocks {
		switch {
		case strings.HasPrefix(b, "# .copydesk.yaml"):
			configs++
			if _, err := config.Parse([]byte(b), "docs/ci.md", rules.Registry()); err != nil {
				t.Errorf("the config in docs/ci.md does not load: %v", err)
			}
		case strings.HasPrefix(b, "repos:"):
			precommits++
			var cfg struct {
				Repos []struct {
					Repo  string `yaml:"repo"`
					Rev   string `yaml:"rev"`
					Hooks []struct {
						ID string `yaml:"id"`
					} `yaml:"hooks"`
				} `yaml:"repos"`
			}
			if err := yaml.Unmarshal([]byte(b), &cfg); err != nil {
				t.Fatalf("the pre-commit config in docs/ci.md: %v", err)
			}
			var ids []string
			for _, h := range loadHooks(t) {
				ids = append(ids, h.ID)
			}
			for _, r := range cfg.Repos {
				// No release tag exists to name: rev is a commit.
				if !regexp.MustCompile(`^[0-9a-f]{40}$`).MatchString(r.Rev) {
					t.Errorf("docs/ci.md: rev %q; copydesk has no release tags, name a commit", r.Rev)
				}
				for _, h := range r.Hooks {
					if !slices.Contains(ids, h.ID) {
						t.Errorf("docs/ci.md uses hook %q; .pre-commit-hooks.yaml has %v", h.ID, ids)
					}
				}
			}
		}
	}
	if configs != 1 || precommits != 1 {
		t.Errorf("found %d config and %d pre-commit blocks, want 1 each", configs, precommits)
	}
}

func TestCompletion(t *testing.T) {
	for shell, want := range map[string]string{
		"bash": "# bash completion V2 for copydesk",
		"zsh":  "#compdef copydesk",
		"fish": "complete -c copydesk",
	} {
		r := cli(t, "", "completion", shell)
		wantCode(t, r, 0)
		mustContain(t, shell+" completion", r.stdout, want)
	}
	r := cli(t, "", "__complete", "explain", "")
	wantCode(t, r, 0)
	mustContain(t, "explain completions", r.stdout, "repeated-word\t", "trailing-whitespace\t")
	r = cli(t, "", "__complete", "lint", "--fail-level", "")
	mustContain(t, "--fail-level completions", r.stdout, "error\nwarning\ninfo\nnone\n")
	r = cli(t, "", "__complete", "rules", "--format", "")
	mustContain(t, "rules --format completions", r.stdout, "text\njson\nmarkdown\ntable\n")
}

// TestReadmeRuleTableFresh: the README's rule table lists every rule, as
// `rules --format table` prints it.
func TestReadmeRuleTableFresh(t *testing.T) {
	r := cli(t, "", "rules", "--format", "table")
	wantCode(t, r, 0)
	for _, rule := range rules.Registry().Rules() {
		mustContain(t, "rules --format table", r.stdout, "`"+rule.ID+"`")
	}
	if !strings.Contains(repoFile(t, "README.md"), "-->\n"+r.stdout+"\n") {
		t.Errorf("README.md's rule table is stale; replace it with the output of\n\tgo run ./cmd/copydesk rules --format table\n%s", r.stdout)
	}
}

// TestReadmeJSONExample: the README's JSON example is what the command
// under it prints, run from the repository's root.
func TestReadmeJSONExample(t *testing.T) {
	readme := repoFile(t, "README.md")
	m := regexp.MustCompile("(?s)```json\n(.*?)```\n\\(`(copydesk lint [^`]+)`").FindStringSubmatch(readme)
	if m == nil {
		t.Fatal("README.md: no ```json block followed by (`copydesk lint ...`)")
	}
	t.Chdir(filepath.Join(pkgDir, "..", ".."))
	r := cli(t, "", strings.Fields(m[2])[1:]...)
	if r.stdout != m[1] {
		t.Errorf("README.md's JSON example differs from what `%s` prints:\n%s", m[2], r.stdout)
	}
}
