package rules

import (
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// FuzzPackedTokens runs every document rule, and every corpus rule's
// collect phase, on a text parsed with its tokens packed in chunks of a
// few tokens (as a long document's are) and on the same text parsed
// unpacked: the findings and facts must be the same. A rule that read the
// tokens other than through Document.BlockTokens would see none of a
// packed document's. The seeds are FuzzPrefilter's.
func FuzzPackedTokens(f *testing.F) {
	for _, a := range seedArticles(f) {
		f.Add(a.text, a.format)
	}
	packed := &parse.Parser{PackFrom: 1, PackChunk: 3}
	f.Fuzz(func(t *testing.T, text string, format uint8) {
		path := seedPath(format)
		want, err := parse.Parse(path, []byte(text))
		got, err2 := packed.Parse(path, []byte(text), true)
		if (err == nil) != (err2 == nil) {
			t.Fatalf("parse unpacked: %v; packed: %v", err, err2)
		}
		if err != nil {
			return
		}
		if !got.Packed() && len(text) > 0 {
			t.Fatalf("%s: the tokens are not packed", path)
		}
		for _, r := range All() {
			switch {
			case r.Run != nil:
				if g, w := runRule(r, got), runRule(r, want); !reflect.DeepEqual(g, w) {
					t.Errorf("%s on %s: findings differ with packed tokens and unpacked:\n%s", r.ID, path, diff(g, w))
				}
			case r.Corpus != nil && r.Corpus.Collects():
				if g, w := collect(r, got), collect(r, want); !reflect.DeepEqual(g, w) {
					t.Errorf("%s on %s: facts collected differ with packed tokens and unpacked:\n%+v\n%+v", r.ID, path, g, w)
				}
			}
		}
	})
}

// collect runs a corpus rule's collect phase on doc, as the engine does.
func collect(r *lint.Rule, doc *document.Document) any {
	cfg := config.Default(".")
	return r.Corpus.Collect(&lint.Pass{Rule: r, Doc: doc, Project: &cfg.Project, Rel: doc.Path})
}
