package document_test

import (
	"slices"
	"testing"

	"github.com/copydesk/copydesk/parse"
)

// TestHeadIncludes: a page that takes part of its content from includes or
// shortcodes, whose headings are not in its source, is marked.
func TestHeadIncludes(t *testing.T) {
	for src, want := range map[string]bool{
		"":                                 false,
		"# Title\n\nText.\n":               false,
		"{{< include \"x.md\" >}}":         true,
		"{{% readfile \"x.md\" %}}":        true,
		"{% include note.html %}":          true,
		"<!--@include: ./parts/a.md-->":    true,
		"---\n---\nimport Tabs from 'x'\n": true,
		"import at the start, no newline":  false, // an MDX import starts a line after the front matter
		"Text with {{ a variable }}":       false,
		"文本 {{< 短代码 >}}":                   true,
	} {
		doc, err := new(parse.Parser).Parse("page.md", []byte(src), false)
		if err != nil {
			t.Fatal(err)
		}
		if got := doc.Head.Includes; got != want {
			t.Errorf("%q: Head.Includes = %v, want %v", src, got, want)
		}
	}
}

// TestHeadFirstLines: the first non-blank lines of a plain-text article,
// bullets and rules of dashes left out; none for other formats.
func TestHeadFirstLines(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string
	}{
		{"a.txt", "\n  Harbour notes  \n-----\n• Second line\n\nThird\nFourth\n", []string{"Harbour notes", "Second line", "Third"}},
		{"b.txt", "Only one", []string{"Only one"}},
		{"c.md", "Harbour notes\n\nText.\n", nil},
	} {
		doc, err := new(parse.Parser).Parse(tt.name, []byte(tt.src), false)
		if err != nil {
			t.Fatal(err)
		}
		if got := doc.Head.FirstLines; !slices.Equal(got, tt.want) {
			t.Errorf("%s: Head.FirstLines = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestHeadGeneratorHabits: TOML front matter after a byte order mark, and
// a ::: container line.
func TestHeadGeneratorHabits(t *testing.T) {
	doc, err := new(parse.Parser).Parse("a.md", []byte("\uFEFF+++\ntitle = \"Pier\"\n+++\n\nText.\n\n::: tip\nHi\n:::\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if !doc.Head.PlusFrontMatter || !doc.Head.Containers {
		t.Errorf("Head = %+v, want TOML front matter and containers", doc.Head)
	}
	doc, err = new(parse.Parser).Parse("b.md", []byte("---\ntitle: Pier\n---\n\nText +++ here.\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Head.PlusFrontMatter || doc.Head.Containers {
		t.Errorf("Head = %+v, want neither", doc.Head)
	}
}
