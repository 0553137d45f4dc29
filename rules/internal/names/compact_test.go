package names

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/parse"
)

// TestCompact: the consistency rule's archives (its test folders: seeds
// hold a slip of each kind, trust front matter authors) give the same
// findings, and the same front matter groups with their places, from
// compacted facts as from whole ones, which keep more bytes.
func TestCompact(t *testing.T) {
	for _, dir := range []string{"seeds", "trust", "ownname", "perfile"} {
		t.Run(dir, func(t *testing.T) {
			var docs []*document.Document
			var paths []string
			err := filepath.WalkDir(filepath.Join("..", "..", "nameconsistency", "testdata", dir), func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() || !document.IsArticle(p) {
					return err
				}
				src, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				doc, err := parse.Parse(p, src)
				if err != nil {
					return err
				}
				docs, paths = append(docs, doc), append(paths, p)
				return nil
			})
			if err != nil || len(docs) < 2 {
				t.Fatalf("%d documents: %v", len(docs), err)
			}
			srcs := make([][]byte, len(docs))
			whole := make([]*Fact, len(docs))
			compact := make([]*Fact, len(docs))
			stored := make([]*Fact, len(docs)) // compacted, through the cache's codec
			before, after := 0, 0
			for i, d := range docs {
				srcs[i] = d.Src
				whole[i] = Mine(d, MineOptions{})
				compact[i] = Mine(d, MineOptions{})
				compact[i].Compact()
				// made compacted, it is the same fact
				if made := Mine(d, MineOptions{Compact: true}); !reflect.DeepEqual(EncodeFact(made), EncodeFact(compact[i])) {
					t.Errorf("%s: the fact mined compacted differs from the fact mined, then compacted", paths[i])
				}
				before += factBytes(whole[i])
				after += factBytes(compact[i])
				var err error
				if stored[i], err = DecodeFact(EncodeFact(compact[i])); err != nil {
					t.Fatal(err)
				}
			}
			want := Archive(srcs, whole, ArchiveOptions{})
			meta := GroupOptions{Kinds: []PhraseKind{KindMeta}}
			wantGroups := Groups(paths, whole, meta)
			for _, facts := range [][]*Fact{compact, stored} {
				if got := Archive(srcs, facts, ArchiveOptions{}); !reflect.DeepEqual(got, want) {
					t.Errorf("findings from compacted facts\n%+v\nwant\n%+v", got, want)
				}
				if got := Groups(paths, facts, meta); !reflect.DeepEqual(got, wantGroups) {
					t.Errorf("front matter groups from compacted facts\n%+v\nwant\n%+v", got, wantGroups)
				}
			}
			if after >= before {
				t.Errorf("compacted facts keep %d bytes, whole ones %d", after, before)
			}
		})
	}
}
