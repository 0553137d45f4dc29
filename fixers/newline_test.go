package fixers

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
)

func TestLineEnding(t *testing.T) {
	tests := []struct{ src, want string }{
		{"", "\n"},
		{"one line", "\n"},
		{"a\nb\n", "\n"},
		{"a\r\nb\r\n", "\r\n"},
		{"a\rb\r", "\r"},
		{"a\r\nb\n", ""},
		{"a\rb\n", ""},
		{"a\r\nb\r", ""},
		{"a\n\rb\n\r", ""}, // LF CR is not CRLF
	}
	for _, tt := range tests {
		if got := lineEnding([]byte(tt.src)); got != tt.want {
			t.Errorf("lineEnding(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestLoopKeepsLineEndings: whatever line break a rule writes (it sees a
// CR-only file with LF endings), the fixed file has the file's own.
func TestLoopKeepsLineEndings(t *testing.T) {
	// Inserts a line after the title, the way a rule adding a date or a
	// navigation line does, writing its line breaks as given.
	addLine := func(nl string) LintFunc {
		return func(src []byte) ([]lint.Diagnostic, error) {
			if strings.Contains(string(src), "Date") {
				return nil, nil
			}
			at := strings.IndexAny(string(src), "\r\n")
			return []lint.Diagnostic{{Rule: "date", Start: at, End: at, Message: "no date",
				Fix: &lint.Fix{Message: "Add a date", Applicability: lint.Safe, Edits: []lint.Edit{ed(at, at, nl+nl+"Date: 2025-03-14")}}}}, nil
		}
	}
	const article = "Harbour notes\n\nThe council met.\n"
	for _, file := range []string{"\n", "\r\n", "\r"} {
		for _, rule := range []string{"\n", "\r\n", "\r"} {
			src := strings.ReplaceAll(article, "\n", file)
			want := strings.ReplaceAll("Harbour notes\n\nDate: 2025-03-14\n\nThe council met.\n", "\n", file)
			f := addLine(rule)
			res, err := Loop([]byte(src), mustLint(t, f, src), f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			if string(res.Src) != want {
				t.Errorf("file %q, rule writes %q: fixed to %q, want %q", file, rule, res.Src, want)
			}
		}
	}
	// A file of mixed endings has no one ending to keep: the rule's stand.
	src := "Harbour notes\r\n\nThe council met.\n"
	f := addLine("\n")
	res, err := Loop([]byte(src), mustLint(t, f, src), f, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Harbour notes\n\nDate: 2025-03-14\r\n\nThe council met.\n"; string(res.Src) != want {
		t.Errorf("mixed endings: fixed to %q, want %q", res.Src, want)
	}
	// Line breaks the fix replaces rather than inserts are the fix's own.
	src = "Harbour notes\r\rThe council  met.\r"
	f = replacer("space", "  ", " ", lint.Safe)
	res, err = Loop([]byte(src), mustLint(t, f, src), f, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Harbour notes\r\rThe council met.\r"; string(res.Src) != want {
		t.Errorf("CR-only file: fixed to %q, want %q", res.Src, want)
	}
}

func TestNormalizeBreaks(t *testing.T) {
	tests := []struct{ in, nl, want string }{
		{"a\nb", "\r\n", "a\r\nb"},
		{"a\r\nb\rc\n", "\n", "a\nb\nc\n"},
		{"\r\n\r\n", "\r", "\r\r"},
		{"\n\r", "\r\n", "\r\n\r\n"}, // LF then a lone CR: two breaks
		{"no break", "\r", "no break"},
	}
	for _, tt := range tests {
		if got := normalizeBreaks(tt.in, tt.nl); got != tt.want {
			t.Errorf("normalizeBreaks(%q, %q) = %q, want %q", tt.in, tt.nl, got, tt.want)
		}
	}
}
