package mdx

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// kinds lists the block kinds of a parsed body, depth first.
func kinds(src string) []string {
	root := NewParser().Parse(text.NewReader([]byte(src)))
	var out []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Type() == ast.TypeBlock && n.Kind() != ast.KindDocument {
			out = append(out, n.Kind().String())
		}
		return ast.WalkContinue, nil
	})
	return out
}

func TestMDXBlocks(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"indented text is a paragraph, not code", "Intro.\n\n      Indented words.\n", []string{"Paragraph", "Paragraph"}},
		{"an indented fence opens and closes", "1. Step\n\n        ```sh\n        npm i\n        ```\n\n2. Next\n", []string{"List", "ListItem", "Paragraph", "FencedCodeBlock", "ListItem", "Paragraph"}},
		{"a tag does not swallow the lines after it", "<Tabs>\nWords here.\n", []string{"Paragraph"}},
		{"a fence closes at its own indentation", "    ```\n    code\n    ```\nAfter.\n", []string{"FencedCodeBlock", "Paragraph"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := kinds(tc.src)
			if len(got) != len(tc.want) {
				t.Fatalf("blocks %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("blocks %q, want %q", got, tc.want)
				}
			}
		})
	}
}
