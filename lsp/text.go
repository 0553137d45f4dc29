package lsp

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Encoding is the unit of Position.Character: UTF-16 code units unless the
// client offered utf-8 in general.positionEncodings.
type Encoding uint8

// The position encodings the server speaks.
const (
	UTF16 Encoding = iota
	UTF8
)

func (e Encoding) String() string {
	if e == UTF8 {
		return "utf-8"
	}
	return "utf-16"
}

// lines indexes where each line of a text starts. LSP ends a line at
// "\n", "\r\n" or a lone "\r".
type lines struct {
	src    []byte
	starts []int
}

func newLines(src []byte) *lines {
	l := &lines{src: src, starts: make([]int, 1, bytes.Count(src, []byte{'\n'})+1)}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			l.starts = append(l.starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// end returns where line n's text ends, before its line ending.
func (l *lines) end(n int) int {
	if n+1 >= len(l.starts) {
		return len(l.src)
	}
	e := l.starts[n+1] - 1
	if l.src[e] == '\n' && e > l.starts[n] && l.src[e-1] == '\r' {
		e--
	}
	return e
}

// position maps a byte offset to a Position in enc. An offset inside a
// line ending or a character maps to its start.
func (l *lines) position(off int, enc Encoding) Position {
	off = max(0, min(off, len(l.src)))
	n := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	start := l.starts[n]
	off = min(off, l.end(n))
	if enc == UTF8 {
		return Position{Line: n, Character: off - start}
	}
	units := 0
	for i := start; i < off; {
		r, size := utf8.DecodeRune(l.src[i:])
		if i+size > off {
			break
		}
		units += utf16Len(r)
		i += size
	}
	return Position{Line: n, Character: units}
}

func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}

// offset maps a Position in enc to a byte offset. Out-of-range lines and
// characters are clamped to the end of the text or line, as the
// specification asks; a character in the middle of a code point maps to
// the code point's start.
func (l *lines) offset(p Position, enc Encoding) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(l.starts) {
		return len(l.src)
	}
	start, end := l.starts[p.Line], l.end(p.Line)
	if p.Character <= 0 {
		return start
	}
	if enc == UTF8 {
		off := min(start+p.Character, end)
		for off > start && off < len(l.src) && !utf8.RuneStart(l.src[off]) {
			off--
		}
		return off
	}
	units := 0
	for i := start; i < end; {
		r, size := utf8.DecodeRune(l.src[i:])
		units += utf16Len(r)
		if units > p.Character {
			return i
		}
		i += size
		if units == p.Character {
			return i
		}
	}
	return end
}

// byteEdit is a change in byte offsets: [Start, End) became NewLen bytes.
type byteEdit struct {
	Start, End, NewLen int
}

// shift moves a span of the old text into the new one; ok is false when
// the edit touched the span, even at its edge: text typed against a
// finding may have changed what it is about.
func (e byteEdit) shift(start, end int) (int, int, bool) {
	switch {
	case end < e.Start:
		return start, end, true
	case start > e.End:
		d := e.NewLen - (e.End - e.Start)
		return start + d, end + d, true
	}
	return 0, 0, false
}

// applyChange applies one didChange entry and returns the new text and
// the byte edit it made.
func applyChange(src []byte, c ContentChange, enc Encoding) ([]byte, byteEdit) {
	if c.Range == nil {
		return []byte(c.Text), wholeEdit(src, []byte(c.Text))
	}
	l := newLines(src)
	start := l.offset(c.Range.Start, enc)
	end := max(start, l.offset(c.Range.End, enc))
	out := make([]byte, 0, len(src)-(end-start)+len(c.Text))
	out = append(out, src[:start]...)
	out = append(out, c.Text...)
	out = append(out, src[end:]...)
	return out, byteEdit{Start: start, End: end, NewLen: len(c.Text)}
}

// wholeEdit is the one edit that turns a into b: what lies between their
// common prefix and suffix.
func wholeEdit(a, b []byte) byteEdit {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	return byteEdit{Start: p, End: len(a) - s, NewLen: len(b) - s - p}
}
