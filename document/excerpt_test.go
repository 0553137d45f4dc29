package document_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/document"
)

func summaryOf(src string) *document.Summary {
	s := &document.Summary{Src: []byte(src)}
	s.IndexLines()
	return s
}

// checkExcerpt compares what an excerpt answers with what the summary it
// was made from answers, for every offset and span it was made for.
func checkExcerpt(t *testing.T, s *document.Summary, at []int, spans []document.Span) {
	t.Helper()
	x, ok := s.Excerpt(at, spans)
	if !ok {
		t.Fatal("no excerpt of a short text")
	}
	if x.Len() != len(s.Src) || x.BOM() != s.BOM() || x.Lines() != s.Lines() {
		t.Errorf("length, BOM, lines %d %d %d, want %d %d %d", x.Len(), x.BOM(), x.Lines(), len(s.Src), s.BOM(), s.Lines())
	}
	all := append([]int(nil), at...)
	for _, sp := range spans {
		all = append(all, sp.Start, sp.End)
	}
	for _, off := range all {
		l, c := s.Position(off)
		xl, xc, ok := x.Position(off)
		if !ok || xl != l || xc != c {
			t.Errorf("Position(%d) = %d:%d %v, want %d:%d", off, xl, xc, ok, l, c)
		}
		bl, bc := s.BytePosition(off)
		xbl, xbc, ok := x.BytePosition(off)
		if !ok || xbl != bl || xbc != bc {
			t.Errorf("BytePosition(%d) = %d:%d %v, want %d:%d", off, xbl, xbc, ok, bl, bc)
		}
	}
	for _, sp := range spans {
		start := max(0, min(sp.Start, len(s.Src)))
		n, _ := s.Position(start)
		line := s.LineSpan(n)
		got, ok := x.LineSpan(n)
		if !ok || got != line {
			t.Errorf("LineSpan(%d) for %v = %v %v, want %v", n, sp, got, ok, line)
		}
		if !bytes.Equal(x.Text(line), s.Text(line)) {
			t.Errorf("line %d: %q, want %q", n, x.Text(line), s.Text(line))
		}
		r := document.Span{Start: start, End: max(start, min(sp.End, len(s.Src)))}
		if !bytes.Equal(x.Text(r), s.Text(r)) {
			t.Errorf("Text(%v) = %q, want %q", r, x.Text(r), s.Text(r))
		}
	}
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("é", 5000) + "x" // past the column marks of long lines
	for _, tc := range []struct {
		name  string
		src   string
		at    []int
		spans []document.Span
	}{
		{"empty", "", []int{0, 1}, []document.Span{{0, 0}}},
		{"one line", "Harbor news", []int{0, 6, 11}, []document.Span{{0, 6}}},
		{"BOM", "\ufeffTitle\r\nBody text\r\n", []int{0, 1, 3, 4, 10}, []document.Span{{0, 3}, {3, 8}, {10, 14}}},
		{"CRLF and a multi-line range", "a\r\nb c\r\n\r\nd\r\n", []int{1, 2}, []document.Span{{4, 10}, {8, 9}}},
		{"multibyte", "“Ferry” the the\n中文标题 the\u00a0museum\n", []int{3, 9}, []document.Span{{12, 19}, {22, 34}}},
		{"long line", "Title\n\n" + long + "\nend\n", []int{7 + 9000, 7 + 10001}, []document.Span{{7 + 9990, 7 + 10001}}},
		{"past the end", "ab\ncd", []int{-1, 5, 9, -1 << 40, 1 << 40}, []document.Span{{4, 9}, {-1, 1}, {-1 << 33, 1 << 33}}},
		{"same line twice", "one two three\nfour\n", nil, []document.Span{{0, 3}, {4, 7}, {8, 13}, {2, 16}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkExcerpt(t, summaryOf(tc.src), tc.at, tc.spans)
		})
	}
}

// TestExcerptKeepsOnlyWhatItIsAskedFor: offsets and lines it was not made
// for are not answered, and with no spans it keeps no text at all.
func TestExcerptKeepsOnlyWhatItIsAskedFor(t *testing.T) {
	s := summaryOf("first line\nsecond line\nthird line\n")
	x, _ := s.Excerpt([]int{0, 5}, []document.Span{{11, 17}})
	if _, _, ok := x.Position(3); ok {
		t.Error("Position answers for an offset it was not made for")
	}
	if _, ok := x.LineSpan(3); ok {
		t.Error("LineSpan answers for a line it did not keep")
	}
	if got := x.Text(document.Span{Start: 23, End: 28}); got != nil {
		t.Errorf("Text of a line not kept = %q", got)
	}
	if got := string(x.Text(document.Span{Start: 11, End: 22})); got != "second line" {
		t.Errorf("kept line = %q", got)
	}
	bare, _ := s.Excerpt([]int{0, 5, 12}, nil)
	if _, ok := bare.LineSpan(1); ok || bare.Text(document.Span{Start: 0, End: 5}) != nil {
		t.Error("an excerpt of positions keeps text")
	}
	if _, ok := (*document.Excerpt)(nil).LineSpan(1); ok {
		t.Error("a nil excerpt has a line")
	}
}

// FuzzExcerpt makes an excerpt of any text at offsets taken from the
// input and checks it against the summary.
func FuzzExcerpt(f *testing.F) {
	f.Add("\ufeffTitle\r\n\r\nBody “text” the the.\n", 3, 9, 12, 20)
	f.Add("a\nb\nc", 0, 5, 2, 3)
	f.Add("", 0, 0, 0, 1)
	f.Fuzz(func(t *testing.T, src string, a, b, c, d int) {
		clamp := func(n int) int { return max(-2, min(n, len(src)+2)) }
		a, b, c, d = clamp(a), clamp(b), clamp(c), clamp(d)
		checkExcerpt(t, summaryOf(src), []int{a, b}, []document.Span{{Start: min(c, d), End: max(c, d)}, {Start: a, End: max(a, b)}})
	})
}
