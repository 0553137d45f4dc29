package lines_test

import (
	"slices"
	"testing"

	"github.com/copydesk/copydesk/parse"

	"github.com/copydesk/copydesk/document"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/lines"
)

func mustParse(t *testing.T, text string) *document.Document {
	t.Helper()
	doc, err := parse.Parse("a.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// apply returns src with the edits, which must not overlap.
func apply(t *testing.T, src []byte, edits []lint.Edit) string {
	t.Helper()
	edits = slices.Clone(edits)
	slices.SortFunc(edits, func(a, b lint.Edit) int { return a.Start - b.Start })
	out, last := []byte(nil), 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(src) {
			t.Fatalf("edits overlap or leave the text: %+v", edits)
		}
		out = append(append(out, src[last:e.Start]...), e.NewText...)
		last = e.End
	}
	return string(append(out, src[last:]...))
}

func TestTrim(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"", ""},
		{"word", "word"},
		{"  two words \t", "two words"},
		{"\r\n line \r\n", "line"},
		{" \t ", ""},
		{"\u00a0odd\u00a0", "\u00a0odd\u00a0"}, // odd spaces are text here
		{" 中文 ", "中文"},
		{" 😀\t", "😀"},
	}
	for _, tt := range tests {
		src := []byte("[" + tt.text + "]")
		sp := lines.Trim(src, document.Span{Start: 1, End: len(src) - 1})
		if got := string(src[sp.Start:sp.End]); got != tt.want || sp.Start < 1 || sp.End > len(src)-1 {
			t.Errorf("Trim(%q) = %q at %v, want %q", tt.text, got, sp, tt.want)
		}
	}
}

func TestLastStartSpan(t *testing.T) {
	tests := []struct {
		text  string
		last  int
		spans []string // each line's Span, 1 to Lines()
	}{
		{"", 1, []string{""}},
		{"one", 1, []string{"one"}},
		{"one\n", 1, []string{"one", ""}},
		{"one\ntwo", 2, []string{"one", "two"}},
		{"one\n\n", 2, []string{"one", "", ""}},
		{"one\r\ntwo\r\n", 2, []string{"one", "two", ""}},
		{"\ufeffone\ntwo\n", 2, []string{"one", "two", ""}}, // no byte order mark in line 1
		{"\ufeff", 1, []string{""}},
		{"中文\n😀\n", 2, []string{"中文", "😀", ""}},
		{"old\rmac", 2, []string{"old", "mac"}}, // the reader reads a lone CR as a line break
	}
	for _, tt := range tests {
		doc := mustParse(t, tt.text)
		if got := lines.Last(doc); got != tt.last {
			t.Errorf("Last(%q) = %d, want %d", tt.text, got, tt.last)
		}
		if doc.Lines() != len(tt.spans) {
			t.Fatalf("%q has %d lines, the test expects %d", tt.text, doc.Lines(), len(tt.spans))
		}
		for n, want := range tt.spans {
			sp := lines.Span(doc, n+1)
			if got := string(doc.Src[sp.Start:sp.End]); got != want {
				t.Errorf("Span(%q, %d) = %q, want %q", tt.text, n+1, got, want)
			}
			if start := lines.Start(doc, n+1); start != sp.Start {
				t.Errorf("Start(%q, %d) = %d, want %d, where its span starts", tt.text, n+1, start, sp.Start)
			}
		}
		if got := lines.Start(doc, doc.Lines()+1); got != len(tt.text) {
			t.Errorf("Start(%q) past the last line = %d, want the text's end %d", tt.text, got, len(tt.text))
		}
	}
}

func TestIsBlank(t *testing.T) {
	doc := mustParse(t, "text\n\n   \t\n\u00a0\u3000 \nx \n \r\n\ufeff\n中\n")
	want := []bool{false, true, true, true, false, true, false, false, true}
	for n := 1; n <= doc.Lines(); n++ {
		if got := lines.IsBlank(doc, n); got != want[n-1] {
			t.Errorf("IsBlank(line %d %q) = %v, want %v", n, doc.Src[doc.LineStart(n):lines.Span(doc, n).End], got, want[n-1])
		}
	}
	// A byte order mark alone on line 1 leaves it blank.
	if !lines.IsBlank(mustParse(t, "\ufeff\nx\n"), 1) {
		t.Errorf("IsBlank: a line holding only a byte order mark is not blank")
	}
}

func TestDelete(t *testing.T) {
	tests := []struct {
		name string
		text string
		del  []int // the lines the rule deletes; each is deleted in turn
		want string
	}{
		{"middle line", "a\nb\nc\n", []int{2}, "a\nc\n"},
		{"CRLF", "a\r\nb\r\nc\r\n", []int{2}, "a\r\nc\r\n"},
		{"between blank lines: the blank after goes too", "a\n\nb\n\nc\n", []int{2 + 1}, "a\n\nc\n"},
		{"first line before a blank", "b\n\nc\n", []int{1}, "c\n"},
		{"last line after a blank", "a\n\nb\n", []int{3}, "a\n"},
		{"last line without a line break", "a\nb", []int{2}, "a\n"},
		{"last line after a blank, no line break", "a\n\nb", []int{3}, "a\n"},
		{"only line", "b\n", []int{1}, ""},
		{"byte order mark stays", "\ufeffb\n\nc\n", []int{1}, "\ufeffc\n"},
		{"a run between blanks counts as one", "a\n\nx\ny\n\nc\n", []int{3, 4}, "a\n\nc\n"},
		{"a run at the end", "a\n\nx\ny\n", []int{3, 4}, "a\n"},
		{"two lines apart", "a\nx\nb\ny\nc\n", []int{2, 4}, "a\nb\nc\n"},
		{"CJK and emoji lines", "标题\n\n😀.jpg\n\n正文\n", []int{3}, "标题\n\n正文\n"},
	}
	for _, tt := range tests {
		doc := mustParse(t, tt.text)
		same := lines.In(tt.del)
		var edits []lint.Edit
		for _, n := range tt.del {
			edits = append(edits, lines.Delete(doc, n, same)...)
		}
		if got := apply(t, doc.Src, edits); got != tt.want {
			t.Errorf("%s: deleting %v of %q gives %q, want %q (edits %+v)", tt.name, tt.del, tt.text, got, tt.want, edits)
		}
	}
}

func TestIn(t *testing.T) {
	in := lines.In([]int{2, 5, 9})
	for n, want := range map[int]bool{0: false, 1: false, 2: true, 3: false, 5: true, 8: false, 9: true, 10: false} {
		if got := in(n); got != want {
			t.Errorf("In([2 5 9])(%d) = %v, want %v", n, got, want)
		}
	}
	if lines.In(nil)(1) {
		t.Errorf("In(nil)(1) = true")
	}
}
