package fixers

import (
	"bytes"
	"strings"

	"github.com/copydesk/copydesk/lint"
)

// lineEnding returns the line ending every line break of src has: "\n",
// "\r\n" or "\r" (classic Mac OS), or "" when src mixes them. A text
// without line breaks counts as "\n".
func lineEnding(src []byte) string {
	lf, cr := bytes.Count(src, []byte{'\n'}), bytes.Count(src, []byte{'\r'})
	switch {
	case cr == 0:
		return "\n"
	case lf == 0:
		return "\r"
	case lf == cr && bytes.Count(src, []byte("\r\n")) == lf:
		return "\r\n"
	}
	return ""
}

// withLineEnding writes the line breaks in the edits' new text with nl,
// so that a fix keeps the file's line endings whatever the rule wrote (a
// rule sees a CR-only file with LF endings). An empty nl, a file of mixed
// endings, leaves the edits as they are: it has no one ending to keep.
func withLineEnding(edits []lint.Edit, nl string) []lint.Edit {
	if nl == "" {
		return edits
	}
	var out []lint.Edit
	for i, e := range edits {
		if !strings.ContainsAny(e.NewText, "\r\n") {
			continue
		}
		if t := normalizeBreaks(e.NewText, nl); t != e.NewText {
			if out == nil {
				out = append([]lint.Edit(nil), edits...)
			}
			out[i].NewText = t
		}
	}
	if out == nil {
		return edits
	}
	return out
}

// normalizeBreaks writes each line break of s ("\r\n", "\n" or a lone
// "\r") as nl.
func normalizeBreaks(s, nl string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
			b.WriteString(nl)
			i++
		case c == '\r' || c == '\n':
			b.WriteString(nl)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
