package names

import (
	"fmt"
	"testing"

	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/parse"
)

// BenchmarkMineLongDocument mines one article of 1, 4 and 16 MB, with
// thousands of short forms defined ("(hereinafter the Society)"): the
// time and the bytes allocated per byte must not grow with the document
// (each word was compared with every definition, and the words' array
// was copied each time it grew).
func BenchmarkMineLongDocument(b *testing.B) {
	for _, mb := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			src := corpusgen.Long(corpusgen.Options{Bytes: int64(mb) << 20, Seed: 1, MarkdownShare: 1, DefectRate: 2})
			doc, err := parse.Parse("long.md", src)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				Mine(doc, MineOptions{})
			}
		})
	}
}
