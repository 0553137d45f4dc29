package parse_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/parse"
)

// A Parser that reuses one document's memory for the next gives the very
// document a new parse gives, whatever came before it, recycled or not.
func TestParserReuse(t *testing.T) {
	var files []string
	for _, pat := range []string{"*.txt", "*.md", "*.mdx", "*.html"} {
		m, err := filepath.Glob(filepath.Join("..", "testdata", "articles", pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("%d sample articles: the test would see little", len(files))
	}
	read := func(f string) []byte {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		return src
	}
	same := func(t *testing.T, name string, got, want *document.Document) {
		t.Helper()
		if !reflect.DeepEqual(got.Tokens, want.Tokens) || !reflect.DeepEqual(got.Blocks, want.Blocks) || !reflect.DeepEqual(got.Summary, want.Summary) {
			t.Errorf("%s: the reused parser's document differs from a new parse", name)
		}
	}
	for _, tc := range []struct {
		name    string
		recycle bool
	}{{"recycled", true}, {"kept", false}} {
		t.Run(tc.name, func(t *testing.T) {
			// A buffer in hand to begin with, large enough for any of them.
			var p parse.Parser
			warm, err := p.Parse("warm.txt", bytes.Repeat([]byte("Warm words. "), 1<<16), true)
			if err != nil {
				t.Fatal(err)
			}
			p.Recycle(warm)
			var kept []*document.Document
			var fresh []*document.Document
			// Largest first and smallest first: a buffer that fits and one that does not.
			for _, order := range [][]string{files, reversed(files)} {
				for _, f := range order {
					src := read(f)
					got, err := p.Parse(f, src, true)
					if err != nil {
						t.Fatal(err)
					}
					want, err := parse.Parse(f, src)
					if err != nil {
						t.Fatal(err)
					}
					same(t, filepath.Base(f), got, want)
					if tc.recycle {
						p.Recycle(got)
						if got.Tokens != nil || got.Summary == nil {
							t.Fatalf("%s: recycled document keeps its tokens or lost its summary", f)
						}
					} else {
						kept, fresh = append(kept, got), append(fresh, want)
					}
				}
			}
			// Documents not recycled own their tokens: later parses did not write over them.
			for i := range kept {
				same(t, kept[i].Path, kept[i], fresh[i])
			}
		})
	}
}

func reversed(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}
