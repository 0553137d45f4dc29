package parse

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// FuzzTokenPlan: a Markdown or MDX document parsed with its tokens planned
// during the walk and made after it is the document whose tokens were made
// during the walk: the same tokens, blocks with the same token ranges, and
// everything else alike. One planning Parser reads every input in turn, so
// that what one parse leaves in the plan cannot reach the next.
func FuzzTokenPlan(f *testing.F) {
	for _, s := range append(append(append([]string{}, fuzzSeeds...), mdxSeeds...), htmlSeeds...) {
		f.Add(s)
	}
	f.Add(planArticle(40))
	planned := &Parser{PlanFrom: 1}
	f.Fuzz(func(t *testing.T, s string) {
		for _, name := range []string{"a.md", "a.mdx"} {
			want, err := new(Parser).Parse(name, []byte(s), true)
			got, err2 := planned.Parse(name, []byte(s), true)
			if (err == nil) != (err2 == nil) {
				t.Fatalf("%s: errors differ: %v, planned %v", name, err, err2)
			}
			if err != nil {
				continue
			}
			if !reflect.DeepEqual(got.Tokens, want.Tokens) {
				t.Fatalf("%s: %d tokens planned, %d made at once", name, len(got.Tokens), len(want.Tokens))
			}
			for i := range want.Blocks {
				if g, w := got.Blocks[i], want.Blocks[i]; g != w {
					t.Fatalf("%s: block %d planned %+v, made at once %+v", name, i, g, w)
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: the documents differ beyond tokens and blocks", name)
			}
			planned.Recycle(got)
		}
	})
}

// planArticle is an invented article with each kind of block the walk
// gives tokens to: front matter fields, headings, paragraphs with inline
// markup and entities, lists, quotes, tables, code, HTML blocks with prose,
// containers with titles, shortcodes and breaks.
func planArticle(sections int) string {
	var b strings.Builder
	b.WriteString("---\ntitle: Harbour &amp; ferry notes\ndescription: What the council said\n---\n\n# Harbour notes\n\n")
	for i := range sections {
		fmt.Fprintf(&b, "## Meeting %d\n\nThe council met on *Tuesday* to discuss the [ferry](/ferry/%d \"timetable\") and `code` &amp; more.\n", i, i)
		b.WriteString("Members voted for the <kbd>plan</kbd> plan.\n\n- one item\n- two items\n  > a quote in it\n\n")
		b.WriteString("| pier | boats |\n| --- | --- |\n| north | 3 |\n\n```go\nx := 1\n```\n\n")
		b.WriteString("<div class=\"note\">\n<p>A note &mdash; in HTML.</p>\n</div>\n\n")
		b.WriteString("::: tip Harbour hours\nOpen daily.\n:::\n\n{{< figure src=\"a.png\" >}}\n\n---\n\n")
	}
	return b.String()
}
