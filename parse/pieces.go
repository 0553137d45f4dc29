package parse

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// pieceSize is about how long a piece of a long Markdown body is, and
// pieceBlocks about the most blocks it has: a tree of many tiny blocks
// (a paragraph of one word is two nodes of goldmark's, 300 bytes) is
// many times its text.
const (
	pieceSize   = 1 << 20
	pieceBlocks = 1 << 14
)

// A long Markdown body is parsed in pieces: goldmark's syntax tree of a
// whole body is several times the text (a 50 MB article's stood at about
// 125 MB beside it, 5 MB of one-word paragraphs' at 1 GB), and a piece's
// tree is garbage once walked.
//
// A piece ends only where the whole body's parse would end every block
// anyway, outside a fenced code block and outside an HTML block of the
// kinds a blank line does not end (<script>, <pre>, <style>, <textarea>,
// comments, processing instructions, declarations, CDATA):
//   - after a blank line, before a line at the margin that is not a list
//     item's. There no container goes on: a list item or a quotation
//     needs its marker or its indent after a blank line, and the line has
//     neither (a list item's marker would go on the list above, loose);
//   - between two one-line items of a list at the margin with the same
//     bullet, outside any HTML block: the cut makes two lists of the same
//     items, whose blocks are the same.
//
// A body with a link reference definition, or what might be one ("]:"
// anywhere), is one piece: a definition applies to the whole document,
// wherever it stands. FuzzMarkdownPieces compares the documents parsed
// whole and in pieces.

// markdownPieces returns the ends of body's pieces, in order, each piece
// about size bytes or more; the last end is len(body).
func markdownPieces(body []byte, size int) []int {
	if bytes.Contains(body, []byte("]:")) {
		return []int{len(body)}
	}
	var ends []int
	var fence []byte // the open fence's run of ` or ~, nil if none
	var htmlEnd string
	blank := false  // the line before was blank
	closed := false // the last line not blank closed a fence
	start := 0      // the current piece's start
	blocks := 0     // the lines after a blank one since start, about its blocks
	var item byte   // the bullet of the line before, an item of a list at the margin; 0 if not
	html := false   // in an HTML block a blank line ends, or what may be one
	for i := 0; i < len(body); {
		nl := bytes.IndexByte(body[i:], '\n')
		end := len(body)
		if nl >= 0 {
			end = i + nl + 1
		}
		line := body[i:end]
		trimmed := bytes.TrimRight(line, " \t\r\n")
		switch {
		case fence != nil:
			if closesFence(trimmed, fence) {
				fence, closed = nil, true
				blank = false
				i = end
				continue
			}
		case htmlEnd != "":
			if bytes.Contains(bytes.ToLower(line), []byte(htmlEnd)) {
				htmlEnd = ""
			}
		case len(trimmed) == 0:
			blank, item, html = true, 0, false
			i = end
			continue
		default:
			// not after a closed fence either: openAtEnd cannot tell it
			// from an open one
			bullet := bulletItem(line)
			due := !closed && (i-start >= size || blocks >= pieceBlocks)
			// After a blank line, a block at the margin; or the next item
			// of a list of one-line items at the margin, which a cut makes
			// a list of its own, the same items (and a bullet item with
			// text always ends the line before: it can interrupt a
			// paragraph).
			if due && (blank && startsAtMargin(line) || !blank && !html && bullet != 0 && bullet == item) {
				ends = append(ends, i)
				start, blocks = i, 0
			}
			if blank || bullet != 0 {
				blocks++
			}
			item = bullet
			if f := opensFence(line); f != nil {
				fence = f
				item = 0
			} else if e := htmlBlockEnd(line); e != "" && !bytes.Contains(bytes.ToLower(line[bytes.IndexByte(line, '<')+1:]), []byte(e)) {
				htmlEnd = e
			} else if s, ok := indent(line); ok && len(s) > 0 && s[0] == '<' {
				html = true // a blank line ends it
			}
		}
		blank, closed = false, false
		i = end
	}
	return append(ends, len(body))
}

// indent returns line without up to three leading spaces, and false when
// it has four or more (indented code).
func indent(line []byte) ([]byte, bool) {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return line[n:], n <= 3
}

// startsAtMargin: after a blank line, the line starts a block at the
// document's level, where nothing before it goes on: an ATX heading, or
// any line at the margin but a list item's (which may go on the list
// above, loose).
func startsAtMargin(line []byte) bool {
	if atxHeading(line) {
		return true
	}
	if len(line) == 0 || line[0] == ' ' || line[0] == '\t' {
		return false
	}
	return !listMarker(line)
}

// listMarker: the line begins with a bullet (-, *, +) or an ordered
// list's number and its . or ), followed by a space, a tab or the end of
// the line: a list item, or what might be one.
func listMarker(line []byte) bool {
	n := 0
	switch line[0] {
	case '-', '*', '+':
		n = 1
	default:
		for n < len(line) && n < 10 && line[n] >= '0' && line[n] <= '9' {
			n++
		}
		if n == 0 || n == len(line) || (line[n] != '.' && line[n] != ')') {
			return false
		}
		n++
	}
	return n == len(line) || line[n] == ' ' || line[n] == '\t' || line[n] == '\n' || line[n] == '\r'
}

// bulletItem returns the bullet (-, * or +) of a list item at the margin
// with text after its space, or 0.
func bulletItem(line []byte) byte {
	if len(line) < 3 || (line[0] != '-' && line[0] != '*' && line[0] != '+') || line[1] != ' ' {
		return 0
	}
	if t := bytes.TrimLeft(line[2:], " \t"); len(t) == 0 || t[0] == '\n' || t[0] == '\r' {
		return 0
	}
	return line[0]
}

// atxHeading: the line is an ATX heading at the margin.
func atxHeading(line []byte) bool {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(line) || line[n] == ' ' || line[n] == '\t' || line[n] == '\n' || line[n] == '\r')
}

// opensFence returns the run of ``` or ~~~ that opens a fenced code block
// on line, or nil (a backtick in a backtick fence's info string makes it
// no fence).
func opensFence(line []byte) []byte {
	s, ok := indent(line)
	if !ok || len(s) < 3 || (s[0] != '`' && s[0] != '~') {
		return nil
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	if n < 3 || s[0] == '`' && bytes.IndexByte(s[n:], '`') >= 0 {
		return nil
	}
	return s[:n]
}

// closesFence: the line (right-trimmed) closes a fence opened with run.
func closesFence(line, run []byte) bool {
	s, ok := indent(line)
	if !ok || len(s) < len(run) {
		return false
	}
	for _, c := range s {
		if c != run[0] {
			return false
		}
	}
	return true
}

// htmlBlockEnd returns what ends the HTML block line opens, for the kinds
// of HTML block a blank line does not end, or "".
func htmlBlockEnd(line []byte) string {
	s, ok := indent(line)
	if !ok || len(s) < 2 || s[0] != '<' {
		return ""
	}
	lower := bytes.ToLower(s[1:min(len(s), 12)])
	for _, tag := range []string{"script", "pre", "style", "textarea"} {
		if bytes.HasPrefix(lower, []byte(tag)) {
			if r := lower[len(tag):]; len(r) == 0 || r[0] == ' ' || r[0] == '>' || r[0] == '\t' || r[0] == '\n' || r[0] == '\r' {
				return "</" + tag + ">"
			}
		}
	}
	switch {
	case bytes.HasPrefix(s, []byte("<!--")):
		return "-->"
	case bytes.HasPrefix(s, []byte("<?")):
		return "?>"
	case bytes.HasPrefix(s, []byte("<![CDATA[")):
		return "]]>"
	case s[1] == '!':
		return ">"
	}
	return ""
}

// openAtEnd reports whether a fenced code block, or an HTML block that
// only its end tag ends, is still open where a piece's tree ends: the
// block chain down the last children of root holds one. markdownPieces
// cuts no piece there; if it did, misreading the text, the whole body's
// parse would have gone on with that block past the cut.
func openAtEnd(root ast.Node) bool {
	for n := root.LastChild(); n != nil; n = n.LastChild() {
		switch b := n.(type) {
		case *ast.FencedCodeBlock:
			return true
		case *ast.HTMLBlock:
			if b.HTMLBlockType <= ast.HTMLBlockType5 && !b.HasClosure() {
				return true
			}
		}
	}
	return false
}
