package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/rules"
)

// TestWriteGlossary: what --write-glossary writes is exactly the file shown,
// and reads back through names-files as the same names and variants, names
// YAML would take for something else included.
func TestWriteGlossary(t *testing.T) {
	group := func(kind, name string, variants ...string) *nameGroup {
		g := &nameGroup{kind: kind, name: name}
		for _, v := range variants {
			g.variants = append(g.variants, &nameVariant{text: v})
		}
		return g
	}
	const header = "# Written by copydesk names: each name the archive writes one way, with the\n# variants found beside it. Review before committing.\n"
	tests := []struct {
		name   string
		groups []*nameGroup
		want   string
	}{
		{"none", nil, header + "names: []\n"},
		{"only findings within one article", []*nameGroup{group("document", "x", "y"), group("front-matter", "A Team", "a team")},
			header + "names: []\n"},
		{"names and variants", []*nameGroup{
			group("name", "Riverside Ferry Trust", "Riverside Ferry-Trust", "Riverside Ferry Trusts"),
			group("document", "skipped", "x"),
			group("name", "Anna Berg", "Annaberg"),
		}, header + "names:\n  - name: Riverside Ferry Trust\n    variants:\n      - Riverside Ferry-Trust\n      - Riverside Ferry Trusts\n  - name: Anna Berg\n    variants:\n      - Annaberg\n"},
		{"names YAML would read otherwise", []*nameGroup{
			group("name", "Yes: The Band", "No", "- Dash", "\"Quoted\"", "#1 Club"),
		}, header + "names:\n  - name: 'Yes: The Band'\n    variants:\n      - \"No\"\n      - '- Dash'\n      - '\"Quoted\"'\n      - '#1 Club'\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries := glossaryEntries(tt.groups)
			var buf bytes.Buffer
			if err := writeGlossary(&buf, entries); err != nil {
				t.Fatal(err)
			}
			if buf.String() != tt.want {
				t.Errorf("wrote:\n%s\nwant:\n%s", buf.String(), tt.want)
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "names.yaml"), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			cfgFile := filepath.Join(dir, config.FileName)
			if err := os.WriteFile(cfgFile, []byte("version: 1\nnames-files: [names.yaml]\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, err := config.Load(cfgFile, rules.Registry())
			if err != nil {
				t.Fatal(err)
			}
			if len(cfg.Names) != len(entries) {
				t.Fatalf("read back %d names, wrote %d", len(cfg.Names), len(entries))
			}
			for i, n := range cfg.Names {
				if n.Name != entries[i].Name || !slices.Equal(n.Variants, entries[i].Variants) {
					t.Errorf("read back %q %q, wrote %q %q", n.Name, n.Variants, entries[i].Name, entries[i].Variants)
				}
			}
		})
	}
}
