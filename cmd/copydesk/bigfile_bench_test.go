package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/copydesk/copydesk/internal/corpusgen"
)

// BenchmarkLintOneBigFile runs `copydesk lint --format json|text FILE` on
// a single file of 1, 10 and 50 MB, alone in its folder: one line of prose
// (the hostile case of issue 15) and an ordinary article of many
// paragraphs, Markdown and plain text. No input may take more than a few
// times its own size: allocB/inB, bytes allocated per input byte, must
// stay flat as the file grows, and so must the time per byte. Peak memory
// is the binary's to measure (/usr/bin/time -f %M on
// internal/cmd/hostile's inputs).
func BenchmarkLintOneBigFile(b *testing.B) {
	kinds := []struct {
		name string
		gen  func(size int) []byte
	}{
		{"line.txt", longProseLine},
		{"article.md", func(size int) []byte {
			return corpusgen.Long(corpusgen.Options{Bytes: int64(size), Seed: 1, MarkdownShare: 1, DefectRate: 2})
		}},
		{"article.txt", func(size int) []byte {
			return corpusgen.Long(corpusgen.Options{Bytes: int64(size), Seed: 1, DefectRate: 2})
		}},
	}
	for _, k := range kinds {
		for _, mb := range []int{1, 10, 50} {
			b.Run(fmt.Sprintf("%s/%dMB", k.name, mb), func(b *testing.B) {
				src := k.gen(mb << 20)
				dir := b.TempDir()
				if err := os.WriteFile(filepath.Join(dir, k.name), src, 0o644); err != nil {
					b.Fatal(err)
				}
				b.Chdir(dir)
				for _, format := range []string{"json", "text"} {
					b.Run(format, func(b *testing.B) {
						b.SetBytes(int64(len(src)))
						b.ReportAllocs()
						var before, after runtime.MemStats
						runtime.ReadMemStats(&before)
						for b.Loop() {
							code := run([]string{"lint", "--format", format, k.name}, nil, io.Discard, io.Discard)
							if code != exitOK && code != exitProblems {
								b.Fatalf("exit %d", code)
							}
						}
						runtime.ReadMemStats(&after)
						b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(src)), "allocB/inB")
					})
				}
			})
		}
	}
}

// longProseLine is size bytes of prose on one line after a title, with a
// doubled word in the middle.
func longProseLine(size int) []byte {
	const s = "The council met on Tuesday to discuss the ferry timetable. "
	b := make([]byte, 0, size+64)
	b = append(b, "Harbour notes\n\n"...)
	for len(b) < size/2 {
		b = append(b, s...)
	}
	b = append(b, "Members voted for the the plan. "...)
	for len(b) < size {
		b = append(b, s...)
	}
	return append(b, '\n')
}
