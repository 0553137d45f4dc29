package lsp

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/lint"
)

func TestPositions(t *testing.T) {
	text := "title\r\n发布 🎉 the the\nlast\rline"
	cases := []struct {
		sub        string
		u16, u8    Position
		lineOfNext int
	}{
		{sub: "title", u16: Position{0, 0}, u8: Position{0, 0}},
		{sub: "发布", u16: Position{1, 0}, u8: Position{1, 0}},
		{sub: "🎉", u16: Position{1, 3}, u8: Position{1, 7}},
		{sub: "the the", u16: Position{1, 6}, u8: Position{1, 12}},
		{sub: "last", u16: Position{2, 0}, u8: Position{2, 0}},
		{sub: "line", u16: Position{3, 0}, u8: Position{3, 0}}, // a lone \r ends a line
	}
	l := newLines([]byte(text))
	for _, c := range cases {
		off := strings.Index(text, c.sub)
		if got := l.position(off, UTF16); got != c.u16 {
			t.Errorf("%q: utf-16 position %v, want %v", c.sub, got, c.u16)
		}
		if got := l.position(off, UTF8); got != c.u8 {
			t.Errorf("%q: utf-8 position %v, want %v", c.sub, got, c.u8)
		}
		if got := l.offset(c.u16, UTF16); got != off {
			t.Errorf("%q: offset of utf-16 %v = %d, want %d", c.sub, c.u16, got, off)
		}
		if got := l.offset(c.u8, UTF8); got != off {
			t.Errorf("%q: offset of utf-8 %v = %d, want %d", c.sub, c.u8, got, off)
		}
	}
	// Out of range: clamped to the line's end, or the text's.
	if got, want := l.offset(Position{0, 99}, UTF16), strings.Index(text, "\r\n"); got != want {
		t.Errorf("past the end of line 0: %d, want %d", got, want)
	}
	if got := l.offset(Position{99, 0}, UTF16); got != len(text) {
		t.Errorf("past the last line: %d, want %d", got, len(text))
	}
	// Inside a surrogate pair or a UTF-8 sequence: the character's start.
	emoji := strings.Index(text, "🎉")
	if got := l.offset(Position{1, 4}, UTF16); got != emoji {
		t.Errorf("utf-16 inside the emoji: %d, want %d", got, emoji)
	}
	if got := l.offset(Position{1, 9}, UTF8); got != emoji {
		t.Errorf("utf-8 inside the emoji: %d, want %d", got, emoji)
	}
}

func TestApplyChange(t *testing.T) {
	src := []byte("a🎉b\nc")
	out, e := applyChange(src, ContentChange{Range: &Range{Position{0, 3}, Position{0, 4}}, Text: "X"}, UTF16)
	if string(out) != "a🎉X\nc" || e != (byteEdit{Start: 5, End: 6, NewLen: 1}) {
		t.Errorf("utf-16 change: %q %+v", out, e)
	}
	out, e = applyChange(src, ContentChange{Range: &Range{Position{0, 1}, Position{1, 0}}, Text: ""}, UTF8)
	if string(out) != "ac" || e != (byteEdit{Start: 1, End: 7, NewLen: 0}) {
		t.Errorf("utf-8 change across lines: %q %+v", out, e)
	}
	out, e = applyChange(src, ContentChange{Text: "a🎉bb\nc"}, UTF16)
	if string(out) != "a🎉bb\nc" || e != (byteEdit{Start: 6, End: 6, NewLen: 1}) {
		t.Errorf("whole-text change: %q %+v", out, e)
	}
}

func TestShift(t *testing.T) {
	e := byteEdit{Start: 10, End: 12, NewLen: 5}
	for _, c := range []struct {
		start, end, wantStart, wantEnd int
		ok                             bool
	}{
		{0, 5, 0, 5, true},
		{13, 15, 16, 18, true},
		{5, 10, 0, 0, false},  // touches the edit's start
		{12, 14, 0, 0, false}, // touches its end
		{11, 11, 0, 0, false},
	} {
		s, en, ok := e.shift(c.start, c.end)
		if ok != c.ok || ok && (s != c.wantStart || en != c.wantEnd) {
			t.Errorf("shift(%d, %d) = %d, %d, %v", c.start, c.end, s, en, ok)
		}
	}
}

// FuzzPositions: every character boundary maps to a position and back to
// itself, in both encodings.
func FuzzPositions(f *testing.F) {
	f.Add("title\r\n发布 🎉 the the\nlast\rline")
	f.Add("\r\r\n\n")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		l := newLines([]byte(text))
		for off := 0; off <= len(text); off++ {
			if off < len(text) && !utf8.RuneStart(text[off]) {
				continue
			}
			if off > 0 && off < len(text) && (text[off-1] == '\r' && text[off] == '\n') {
				continue // between \r and \n: inside a line ending
			}
			for _, enc := range []Encoding{UTF16, UTF8} {
				p := l.position(off, enc)
				if back := l.offset(p, enc); back != off {
					t.Fatalf("%s: offset %d -> %v -> %d in %q", enc, off, p, back, text)
				}
			}
		}
	})
}

func TestSuppression(t *testing.T) {
	for _, c := range []struct {
		name, src, at, want string
	}{
		{"first line of a paragraph", "Intro.\n\nThe the end.\n", "The the", "Intro.\n\n<!-- copydesk-disable-next-line repeated-word -- " + SuppressReason + " -->\nThe the end.\n"},
		{"paragraph goes on", "Intro line\nthe the end.\n", "the the", "Intro line <!-- copydesk-disable-next-line repeated-word -- " + SuppressReason + " -->\nthe the end.\n"},
		{"hard break kept", "Intro line  \nthe the end.\n", "the the", "Intro line <!-- copydesk-disable-next-line repeated-word -- " + SuppressReason + " -->  \nthe the end.\n"},
		{"after a heading", "# Title\nthe the end.\n", "the the", "# Title\n<!-- copydesk-disable-next-line repeated-word -- " + SuppressReason + " -->\nthe the end.\n"},
		{"in a quote", "> the the end.\n", "the the", "> <!-- copydesk-disable-next-line repeated-word -- " + SuppressReason + " -->\n> the the end.\n"},
		{"CRLF endings", "Intro.\r\n\r\nThe the end.\r\n", "The the", "Intro.\r\n\r\n<!-- copydesk-disable-next-line repeated-word -- " + SuppressReason + " -->\r\nThe the end.\r\n"},
		{"CR-only endings", "Intro.\r\rThe the end.\r", "The the", "Intro.\r\r<!-- copydesk-disable-next-line repeated-word -- " + SuppressReason + " -->\rThe the end.\r"},
		{"in a code block", "```\nthe the\n```\n", "the the", ""},
		{"front matter", "---\ntitle: The the\n---\n\nBody.\n", "The the", ""},
	} {
		start := strings.Index(c.src, c.at)
		d := &lint.Diagnostic{Rule: "repeated-word", Start: start, End: start + len(c.at)}
		e, ok := suppression("a.md", []byte(c.src), d)
		if c.want == "" {
			if ok {
				t.Errorf("%s: offered %+v", c.name, e)
			}
			continue
		}
		got := c.src[:e.Start] + e.NewText + c.src[e.End:]
		if !ok || got != c.want {
			t.Errorf("%s: %v\n got %q\nwant %q", c.name, ok, got, c.want)
		}
	}
}
