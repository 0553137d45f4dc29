package fixers

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// contextLines is the number of unchanged lines shown around each change,
// the default of diff -u and git diff.
const contextLines = 3

// A diffLine is one line of an edit script: ' ' kept, '-' removed, '+'
// added. text keeps its line ending, if any, so CRLF survives verbatim and
// a missing final newline is visible.
type diffLine struct {
	op   byte
	text string
}

// Unified returns a unified diff from before to after, labelled a/path and
// b/path so that both `git apply` and `patch -p1` accept it, or "" if the
// two are equal.
func Unified(path string, before, after []byte) string {
	return unified(path, before, after, maxDistinctLines)
}

// unified is Unified with go-diff's limit as a parameter, so that tests
// reach the fallback without megabytes of input.
func unified(path string, before, after []byte, maxDistinct int) string {
	var b strings.Builder
	writeUnified(&b, path, before, after, maxDistinct)
	return b.String()
}

// WriteUnified writes Unified's diff to w as it is made: the diff of a
// long file, built whole, stood beside its two texts.
func WriteUnified(w io.Writer, path string, before, after []byte) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	writeUnified(bw, path, before, after, maxDistinctLines)
	return bw.Flush() // the first error of any write
}

// unifiedWriter is where writeUnified writes: a strings.Builder or a
// bufio.Writer, which keep the first error and report it at the end.
type unifiedWriter interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

func writeUnified(b unifiedWriter, path string, before, after []byte, maxDistinct int) {
	if string(before) == string(after) {
		return
	}
	script := lineScript(string(before), string(after), maxDistinct)

	name := filepath.ToSlash(path)
	fmt.Fprintf(b, "--- %s\n+++ %s\n", diffName("a/"+name), diffName("b/"+name))

	// oldLine and newLine count the lines consumed on each side before
	// script[i], which is what the hunk headers need.
	oldLine, newLine := 0, 0
	for i := 0; i < len(script); {
		if script[i].op == ' ' {
			oldLine++
			newLine++
			i++
			continue
		}
		start := max(i-contextLines, 0)
		end := hunkEnd(script, i)
		oldStart, newStart := oldLine-(i-start), newLine-(i-start)
		oldCount, newCount := 0, 0
		for _, l := range script[start:end] {
			if l.op != '+' {
				oldCount++
			}
			if l.op != '-' {
				newCount++
			}
		}
		fmt.Fprintf(b, "@@ -%s +%s @@\n", hunkRange(oldStart, oldCount), hunkRange(newStart, newCount))
		for _, l := range script[start:end] {
			_ = b.WriteByte(l.op) // errors stay in b (see unifiedWriter)
			_, _ = b.WriteString(l.text)
			if !strings.HasSuffix(l.text, "\n") {
				_, _ = b.WriteString("\n\\ No newline at end of file\n")
			}
		}
		for _, l := range script[i:end] {
			if l.op != '+' {
				oldLine++
			}
			if l.op != '-' {
				newLine++
			}
		}
		i = end
	}
}

// diffName formats a file name for a ---/+++ line the way git does, so
// that both git apply and GNU patch find where the name ends: names with
// control characters, quotes or backslashes are C-quoted, and names with
// spaces get a trailing tab, since otherwise patch would stop at the space.
// What report.Printable escapes for the other formats people read (control
// characters, C1 controls, the bidirectional controls, bytes that are not
// UTF-8) is quoted too, as git's octal escapes of its bytes, which both
// tools read back: a diff shown on a terminal cannot act on it.
func diffName(name string) string {
	if !needsQuote(name) {
		if strings.Contains(name, " ") {
			return name + "\t"
		}
		return name
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(name); {
		r, n := utf8.DecodeRuneInString(name[i:])
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\a':
			b.WriteString(`\a`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\v':
			b.WriteString(`\v`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == '\r':
			b.WriteString(`\r`)
		case unsafeInName(r, n):
			for _, c := range []byte(name[i : i+n]) {
				fmt.Fprintf(&b, `\%03o`, c)
			}
		default:
			b.WriteString(name[i : i+n])
		}
		i += n
	}
	b.WriteByte('"')
	return b.String()
}

// needsQuote reports whether diffName must quote name.
func needsQuote(name string) bool {
	for i := 0; i < len(name); {
		r, n := utf8.DecodeRuneInString(name[i:])
		if r == '"' || r == '\\' || unsafeInName(r, n) {
			return true
		}
		i += n
	}
	return false
}

// unsafeInName reports the runes (r, of n bytes) a terminal would act on
// rather than show: what report.Printable escapes.
func unsafeInName(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1, r < ' ', r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// hunkEnd returns the end of the hunk whose first change is script[i].
// Changes separated by at most 2*contextLines unchanged lines share a hunk,
// because their contexts would otherwise overlap or touch.
func hunkEnd(script []diffLine, i int) int {
	end := i
	for {
		for end < len(script) && script[end].op != ' ' {
			end++
		}
		run := 0
		for end+run < len(script) && script[end+run].op == ' ' {
			run++
		}
		if end+run == len(script) || run > 2*contextLines {
			return end + min(run, contextLines)
		}
		end += run
	}
}

// hunkRange formats one side of a hunk header. An empty side names the
// line before the hunk, as diff -u does, so "-0,0" means an empty file.
func hunkRange(start, count int) string {
	if count == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if count == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}

// maxDistinctLines stays below the 1,112,060 line indices go-diff can
// encode as runes; beyond that it panics rather than failing.
const maxDistinctLines = 1 << 20

// lineScript diffs before and after line by line. Within each run of
// changes, removals come before additions, which is how diff and git
// print them and what reviewers expect.
func lineScript(before, after string, maxDistinct int) []diffLine {
	a, b := splitLines(before), splitLines(after)

	// Peeling off the unchanged head and tail ourselves keeps go-diff's
	// line table small: a fixed article usually differs in a few lines.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}

	script := make([]diffLine, 0, len(a)+len(b)-pre-suf)
	for _, l := range a[:pre] {
		script = append(script, diffLine{' ', l})
	}
	script = appendMiddle(script, a[pre:len(a)-suf], b[pre:len(b)-suf], maxDistinct)
	for _, l := range a[len(a)-suf:] {
		script = append(script, diffLine{' ', l})
	}
	return script
}

// appendMiddle appends the edit script from lines a to lines b.
//
// go-diff compares the lines as characters, one for each distinct line
// (its line mode): they are made here, so that each maps back to the
// line's own string, a substring of the text. go-diff's own line mode
// joins the middles into strings and rebuilds the lines' texts from its
// result, copies of the whole middle twice over for a long file.
func appendMiddle(script []diffLine, a, b []string, maxDistinct int) []diffLine {
	index := make(map[string]int, min(len(a)+len(b), maxDistinct))
	var lines []string // by index
	chars := func(ls []string) []rune {
		out := make([]rune, len(ls))
		for k, l := range ls {
			i, ok := index[l]
			if !ok {
				i = len(lines)
				index[l] = i
				lines = append(lines, l)
			}
			out[k] = lineChar(i)
		}
		return out
	}
	c1, c2 := chars(a), chars(b)
	if len(lines) >= maxDistinct {
		// Too big for go-diff. Replacing the whole middle is still a
		// correct diff, just not a minimal one.
		for _, l := range a {
			script = append(script, diffLine{'-', l})
		}
		for _, l := range b {
			script = append(script, diffLine{'+', l})
		}
		return script
	}
	diffs := diffmatchpatch.New().DiffMainRunes(c1, c2, false)

	var adds []diffLine
	flush := func() {
		script = append(script, adds...)
		adds = adds[:0]
	}
	for _, d := range diffs {
		for _, c := range d.Text {
			text := lines[charLine(c)]
			switch d.Type {
			case diffmatchpatch.DiffEqual:
				flush()
				script = append(script, diffLine{' ', text})
			case diffmatchpatch.DiffDelete:
				script = append(script, diffLine{'-', text})
			case diffmatchpatch.DiffInsert:
				adds = append(adds, diffLine{'+', text})
			}
		}
	}
	flush()
	return script
}

// lineChar is the character that stands for line i, skipping the
// surrogate halves, which a string cannot hold: maxDistinctLines of them
// fit below utf8.MaxRune. charLine is its inverse.
func lineChar(i int) rune {
	if i >= 0xD800 {
		return rune(i + 0x800)
	}
	return rune(i)
}

func charLine(c rune) int {
	if c >= 0xE000 {
		return int(c) - 0x800
	}
	return int(c)
}

// splitLines splits s after each "\n", keeping the endings. It also undoes
// DiffCharsToLines' joining: only the last line of a file can lack a
// newline and it is always last in its chunk, so the lines come back
// exactly as they were.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
