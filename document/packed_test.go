package document_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/parse"
)

// TestPackedLongBlock: a block of more tokens than a chunk unpacks
// cheaply (a file of one line) is kept as it is, between packed ones, and
// each block has the tokens an unpacked parse gives it.
func TestPackedLongBlock(t *testing.T) {
	var b strings.Builder
	b.WriteString("Harbour notes\n\nThe council met.\n\n")
	for b.Len() < 3<<20 {
		b.WriteString("The ferry left the pier on time, ")
	}
	b.WriteString("and the the crew waved.\n\nThe end.\n")
	src := []byte(b.String())
	want, err := parse.Parse("a.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := (&parse.Parser{PackFrom: 1, PackChunk: 2}).Parse("a.txt", src, true)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Packed() {
		t.Fatal("the tokens are not packed")
	}
	longest := 0
	for i := range want.Blocks {
		w := want.BlockTokens(&want.Blocks[i])
		longest = max(longest, len(w))
		if g := got.BlockTokens(&got.Blocks[i]); !slices.Equal(g, w) {
			t.Fatalf("block %d: %d tokens packed, %d unpacked", i, len(g), len(w))
		}
	}
	if longest <= document.RawChunkTokens {
		t.Fatalf("the longest block has %d tokens, not more than a chunk packs (%d)", longest, document.RawChunkTokens)
	}
	if all := slices.Collect(got.AllTokens()); !slices.Equal(all, want.Tokens) {
		t.Fatalf("%d tokens packed, %d unpacked", len(all), len(want.Tokens))
	}
}
