package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
)

// TestConfigValidation: each mistake is an error naming the file and the
// line it is on.
func TestConfigValidation(t *testing.T) {
	reg, err := lint.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, config, want string
	}{
		{"duplicate top-level key", "include: ['*.md']\nexclude: [drafts/]\ninclude: ['*.txt']\n", `c.yaml:3: duplicate key "include" (first at line 1)`},
		{"duplicate nested key", "dates:\n  order: day-first\n  order: month-first\n", `c.yaml:3: duplicate key "order" (first at line 2)`},
		{"numbers as globs", "include: [1, 2]\n", "c.yaml:1: include: want a glob (a string), got int 1"},
		{"a mapping as a glob", "exclude:\n  - {a: b}\n", "c.yaml:2: exclude: want a glob (a string), got a mapping"},
		{"glob above the root", "include:\n  - '*.md'\n  - ../*.txt\n", `c.yaml:3: include: glob "../*.txt" reaches outside the config's folder`},
		{"glob through the parent", "corpus: [news/../../archive/*.md]\n", `c.yaml:1: corpus: glob "news/../../archive/*.md" reaches outside`},
		{"override paths above the root", "overrides:\n  - paths: [../x.md]\n    rules: {repeated-word: off}\n", `c.yaml:2: overrides.paths: glob "../x.md" reaches outside`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.config), "c.yaml", reg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
	// What stays valid.
	for _, ok := range []string{"include: ['2024/*.md', '*.txt']\n", "include: \"1\"\n", "exclude: [/drafts/, './old/*.md']\n"} {
		if _, err := Parse([]byte(ok), "c.yaml", reg); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
}

func TestNamesFileDuplicateKeys(t *testing.T) {
	reg, err := lint.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "names.yaml"), []byte("- name: Harbour Trust\n  aliases: [the Trust]\n  aliases: [HT]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, ".copydesk.yaml")
	if err := os.WriteFile(cfg, []byte("names-files: [names.yaml]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(cfg, reg)
	if err == nil || !strings.Contains(err.Error(), `names.yaml:3: duplicate key "aliases" (first at line 2)`) {
		t.Errorf("got %v", err)
	}
}
