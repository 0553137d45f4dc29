package parse

import (
	"fmt"
	"strings"
	"testing"
)

// yamlBomb is a billion-laughs front matter: levels of nine aliases each.
func yamlBomb(levels int) string {
	var b strings.Builder
	b.WriteString("title: Harbour notes\nl0: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i := 1; i <= levels; i++ {
		p := fmt.Sprintf("*l%d", i-1)
		fmt.Fprintf(&b, "l%d: &l%d [%s]\n", i, i, strings.Repeat(p+",", 8)+p)
	}
	return b.String()
}

func TestFrontMatterBounds(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) }
	var manyAliases strings.Builder
	manyAliases.WriteString("title: Harbour notes\nx: &x one\nlist:\n")
	for range maxYAMLAliases + 1 {
		manyAliases.WriteString("  - *x\n")
	}
	tests := []struct {
		name, src string
		problem   string // "" for none
	}{
		{"alias bomb", "---\n" + yamlBomb(8) + "---\nThe council met.\n", "expands its aliases (*name) to more than 100000 values"},
		{"a few aliases", "---\n" + yamlBomb(3) + "---\nThe council met.\n", ""},
		{"too many aliases", "---\n" + manyAliases.String() + "---\nThe council met.\n", "has more than 1000 aliases"},
		{"TOML nested 65 deep", "+++\ntitle = \"Harbour notes\"\nx = " + deep(65) + "\n+++\nThe council met.\n", "more than 64 deep at line 3"},
		{"TOML nested 20,000 deep", "+++\ntitle = \"Harbour notes\"\nx = " + deep(20000) + "\n+++\nThe council met.\n", "more than 64 deep at line 3"},
		{"TOML nested 64 deep", "+++\ntitle = \"Harbour notes\"\nx = " + deep(64) + "\n+++\nThe council met.\n", ""},
		{"TOML brackets in strings", "+++\ntitle = \"Harbour notes\"\nnote = \"" + strings.Repeat("[{", 100) + "\"\nx = '''\n" + strings.Repeat("[", 100) + "\n'''\n# " + strings.Repeat("{", 100) + "\n+++\nThe council met.\n", ""},
		{"front matter over 1 MiB", "---\ntitle: Harbour notes\nbody: \"" + strings.Repeat("a", maxFrontMatter) + "\"\n---\nThe council met.\n", "front matter of 1048"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("notes.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range doc.Problems {
				got = append(got, p.Rule+": "+p.Message)
			}
			if tt.problem == "" {
				if len(got) != 0 || doc.Title != "Harbour notes" {
					t.Errorf("problems %q, title %q; want none and the title", got, doc.Title)
				}
				return
			}
			if len(got) != 1 || !strings.Contains(got[0], tt.problem) || !strings.HasPrefix(got[0], "front-matter: ") {
				t.Errorf("problems %q, want one front-matter problem with %q", got, tt.problem)
			}
			// The body is still read.
			if len(doc.Blocks) == 0 || !strings.Contains(string(doc.Text(doc.Blocks[len(doc.Blocks)-1].Span)), "council") {
				t.Errorf("body not read: %d blocks", len(doc.Blocks))
			}
		})
	}
}

// valuesIn counts the values a decoded front matter holds.
func valuesIn(v any) int {
	switch v := v.(type) {
	case map[string]any:
		n := 1
		for _, e := range v {
			n += valuesIn(e)
		}
		return n
	case []any:
		n := 1
		for _, e := range v {
			n += valuesIn(e)
		}
		return n
	}
	return 1
}

// FuzzFrontMatterBounds: whatever YAML or TOML front matter holds, the
// page parses, and what it decodes to stays within the bounds.
func FuzzFrontMatterBounds(f *testing.F) {
	f.Add(yamlBomb(3), false)
	f.Add("a: &a [1, 2]\nb: [*a, *a]\nc: {d: *a}\n", false)
	f.Add("x = [[1, 2], {a = {b = [3]}}]\ns = \"[{\"\n", true)
	f.Add("x = "+strings.Repeat("[", 70)+strings.Repeat("]", 70)+"\n", true)
	f.Fuzz(func(t *testing.T, fm string, toml bool) {
		fence := "---\n"
		if toml {
			fence = "+++\n"
		}
		doc, err := Parse("notes.md", []byte(fence+fm+"\n"+fence+"The council met.\n"))
		if err != nil {
			return
		}
		if n := valuesIn(doc.Meta); n > maxYAMLValues+1 {
			t.Fatalf("front matter decoded to %d values", n)
		}
	})
}
