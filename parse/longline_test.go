package parse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/document"
)

// longLine is size bytes of prose on one line with a doubled word every
// `every` bytes.
func longLine(size, every int) []byte {
	const s = "The council met on Tuesday to discuss the ferry timetable. "
	b := make([]byte, 0, size+64)
	b = append(b, "Harbour notes\n\n"...)
	next := every / 2
	for len(b) < size {
		if len(b) >= next {
			b = append(b, "Members voted for the the plan. "...)
			next += every
			continue
		}
		b = append(b, s...)
	}
	return append(b, '\n')
}

// oneRowTable is a Markdown table of one row with cells cells: header,
// delimiter and body rows each one line.
func oneRowTable(cells int) []byte {
	var t strings.Builder
	t.WriteString("Harbour notes\n\n")
	for _, cell := range []string{"| ferry ", "| --- ", "| pier "} {
		t.WriteString(strings.Repeat(cell, cells))
		t.WriteString("|\n")
	}
	return []byte(t.String())
}

// BenchmarkParseTable: a one-row table of 64 KB to 512 KB; the time per
// byte must not grow with the row.
func BenchmarkParseTable(b *testing.B) {
	for _, cells := range []int{3200, 12800, 25600} {
		src := oneRowTable(cells)
		b.Run(fmt.Sprintf("%dKB", len(src)>>10), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			var p Parser
			for b.Loop() {
				doc, err := p.Parse("table.md", src, true)
				if err != nil {
					b.Fatal(err)
				}
				p.Recycle(doc)
			}
		})
	}
}

// BenchmarkPositionLongLine: the column of findings spread along lines of
// 1, 10 and 50 MB; the time per byte must not grow with the line.
func BenchmarkPositionLongLine(b *testing.B) {
	for _, mb := range []int{1, 10, 50} {
		src := longLine(mb<<20, 1<<20)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				s := &document.Summary{Src: src}
				s.IndexLines()
				// One finding every 64 KiB, as a file full of them has.
				for off := 0; off < len(src); off += 64 << 10 {
					if _, col := s.Position(off); col < 1 {
						b.Fatal(col)
					}
				}
			}
		})
	}
}
