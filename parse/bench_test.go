package parse_test

import (
	"bytes"
	"path"
	"strings"
	"testing"

	"github.com/yuin/goldmark"

	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/parse"
)

// BenchmarkParse times parsing and tokenizing alone, per format.
func BenchmarkParse(b *testing.B) {
	for _, tc := range []struct {
		name  string
		share float64
		as    string // read the Markdown articles as MDX or as HTML rendered from them
	}{{"text", 0, ""}, {"markdown", 1, ""}, {"mdx", 1, ".mdx"}, {"html", 1, ".html"}} {
		var arts []corpusgen.Article
		var size int64
		err := corpusgen.Generate(corpusgen.Options{Bytes: 4 << 20, Seed: 3, MarkdownShare: tc.share, DefectRate: 2}, func(a corpusgen.Article) error {
			switch tc.as {
			case ".mdx":
				a.Name = strings.TrimSuffix(a.Name, path.Ext(a.Name)) + ".mdx"
			case ".html":
				var b bytes.Buffer
				b.WriteString("<!DOCTYPE html>\n<html><head><title>Article</title></head><body>\n")
				if err := goldmark.Convert(a.Body, &b); err != nil {
					return err
				}
				b.WriteString("</body></html>\n")
				a.Name = strings.TrimSuffix(a.Name, path.Ext(a.Name)) + ".html"
				a.Body = b.Bytes()
			}
			arts = append(arts, a)
			size += int64(len(a.Body))
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			var p parse.Parser // as each engine worker has
			for b.Loop() {
				for _, a := range arts {
					doc, err := p.Parse(a.Name, a.Body, true)
					if err != nil {
						b.Fatal(err)
					}
					p.Recycle(doc)
				}
			}
		})
	}
}
