package names

import (
	"testing"

	"github.com/copydesk/copydesk/parse"
)

// FuzzArchive mines three documents made of the input (the first twice,
// so that its names are the archive's) and matches them against the names
// mined: no input may panic, and every finding lies in its document, on
// the text it names.
func FuzzArchive(f *testing.F) {
	f.Add("Title\n\nThe Harbor City Museum of Science and Technology met Anna Berg.\n", "Title\n\nThe Harbor City Museum of Sciences and Technology met Annaberg.\n")
	f.Add("# Lakeside News\n\nLakeside University and Lakeside Museum.\n", "Visitors from Lakesde, Stuies and Elils.\n")
	f.Add("Science, Technology and the Go and App Engine teams\n", "---\nteam: the ferry team\n---\n\nThe Ferry-Team.\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		var srcs [][]byte
		var facts []*Fact
		for i, s := range []string{a, a, b} {
			doc, err := parse.Parse([]string{"a.md", "b.md", "c.txt"}[i], []byte(s))
			if err != nil {
				return
			}
			srcs = append(srcs, doc.Src)
			facts = append(facts, Mine(doc, MineOptions{}))
		}
		for _, fd := range Archive(srcs, facts, ArchiveOptions{}) {
			src := srcs[fd.Doc]
			if fd.Span.Start < 0 || fd.Span.End > len(src) || fd.Span.Start >= fd.Span.End {
				t.Fatalf("finding %+v outside its document of %d bytes", fd, len(src))
			}
			if got := collapse(src[fd.Span.Start:fd.Span.End]); got != fd.Text {
				t.Fatalf("finding text %q, source has %q", fd.Text, got)
			}
		}
	})
}
