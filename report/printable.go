package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Printable escapes what a terminal or a log viewer would act on rather
// than show, for the formats people read: control characters (an escape
// sequence in a file name could rewrite the screen), the bidirectional
// controls that reorder what is shown, and bytes that are not UTF-8.
// They are written as Go writes them in strings: \n, \t, \x1b, \u202e.
// Everything else, backslashes included (Windows paths), is left as is.
func Printable(s string) string { return printable(s, false) }

// printableMessage is Printable for messages, which may run over lines:
// line breaks and tabs stay.
func printableMessage(s string) string { return printable(s, true) }

func printable(s string, lines bool) string {
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7F || i < len(s) && lines && (s[i] == '\n' || s[i] == '\t') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case lines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7F:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r < 0xA0, bidiControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// bidiControl reports the characters that change the order in which a
// line is shown (the "Trojan Source" characters) and the line and
// paragraph separators some viewers break lines at.
func bidiControl(r rune) bool {
	switch {
	case r == 0x061C, r == 0x200E, r == 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}
