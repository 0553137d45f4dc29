package parse

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/document"
)

// FuzzPackedTokens: a document whose tokens are packed as they are made
// (in chunks of a few tokens here, so that most blocks end a chunk) has
// the blocks, and each block the tokens, of one parsed unpacked, whatever
// the format, with the Markdown tokens made during the walk or planned.
// And it stays packed: a parser that flushed tokens inside an open block
// would have them unpacked again, and lose what packing is for.
func FuzzPackedTokens(f *testing.F) {
	for _, s := range append(append(append([]string{}, fuzzSeeds...), mdxSeeds...), htmlSeeds...) {
		f.Add(s)
	}
	f.Add(planArticle(40))
	f.Add(strings.Repeat("The council met.\n\nA second  paragraph, with ‘quotes’.\n\n[next]:Ferry notes\n\n", 30))
	packed := &Parser{PackFrom: 1, PackChunk: 3}
	both := &Parser{PackFrom: 1, PackChunk: 3, PlanFrom: 1}
	f.Fuzz(func(t *testing.T, s string) {
		for _, name := range []string{"a.txt", "a.md", "a.mdx", "a.html"} {
			want, err := new(Parser).Parse(name, []byte(s), true)
			for _, p := range []*Parser{packed, both} {
				got, err2 := p.Parse(name, []byte(s), true)
				if (err == nil) != (err2 == nil) {
					t.Fatalf("%s: errors differ: %v, packed %v", name, err, err2)
				}
				if err != nil {
					continue
				}
				comparePacked(t, name, got, want, len(s) >= p.PackFrom)
				p.Recycle(got)
			}
		}
	})
}

func comparePacked(t *testing.T, name string, got, want *document.Document, packs bool) {
	t.Helper()
	if got.Packed() != packs {
		t.Fatalf("%s: the tokens were unpacked again: a block's tokens were split between chunks", name)
	}
	if all := slices.Collect(got.AllTokens()); !slices.Equal(all, want.Tokens) {
		t.Fatalf("%s: %d tokens packed, %d unpacked", name, len(all), len(want.Tokens))
	}
	if !reflect.DeepEqual(got.Blocks, want.Blocks) {
		t.Fatalf("%s: blocks differ packed:\n%+v\nunpacked:\n%+v", name, got.Blocks, want.Blocks)
	}
	for i := range want.Blocks {
		g, w := got.BlockTokens(&got.Blocks[i]), want.BlockTokens(&want.Blocks[i])
		if !slices.Equal(g, w) || (g == nil) != (w == nil) {
			t.Fatalf("%s: block %d has tokens %v packed, %v unpacked", name, i, g, w)
		}
	}
	if !reflect.DeepEqual(got.Summary, want.Summary) || !reflect.DeepEqual(got.Verbatim, want.Verbatim) || !reflect.DeepEqual(got.Problems, want.Problems) {
		t.Fatalf("%s: the documents differ beyond tokens and blocks", name)
	}
}

// TestPackedBlocksInAnyOrder reads blocks' tokens in an order no walk
// takes (last to first, then every other one), across many chunks, and
// keeps a block's while the tokens of up to three other chunks are read,
// as BlockTokens allows: each is the block's.
func TestPackedBlocksInAnyOrder(t *testing.T) {
	src := []byte(planArticle(30))
	want, err := Parse("a.md", src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := (&Parser{PackFrom: 1, PackChunk: 4}).Parse("a.md", src, true)
	if err != nil {
		t.Fatal(err)
	}
	var full []int // the blocks with tokens
	for i := range want.Blocks {
		if len(want.BlockTokens(&want.Blocks[i])) > 0 {
			full = append(full, i)
		}
	}
	if len(full) < 100 {
		t.Fatalf("only %d blocks with tokens: the test reads too few chunks", len(full))
	}
	var order []int
	for k := len(full) - 1; k >= 0; k-- {
		order = append(order, full[k])
	}
	for k := 0; k < len(full); k += 2 {
		order = append(order, full[k])
	}
	for k, i := range order {
		kept := got.BlockTokens(&got.Blocks[i])
		for _, j := range order[k+1 : min(k+4, len(order))] {
			if g, w := got.BlockTokens(&got.Blocks[j]), want.BlockTokens(&want.Blocks[j]); !slices.Equal(g, w) {
				t.Fatalf("block %d: tokens %v, want %v", j, g, w)
			}
		}
		if w := want.BlockTokens(&want.Blocks[i]); !slices.Equal(kept, w) {
			t.Fatalf("block %d, kept while three others were read: tokens %v, want %v", i, kept, w)
		}
	}
}
