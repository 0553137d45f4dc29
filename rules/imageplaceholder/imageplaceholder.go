// Package imageplaceholder finds image file names left alone on a line
// where a picture was (photo_01.jpg, 图片1.png) and deletes the line.
package imageplaceholder

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/rules/internal/lines"
)

// Rule is the image-placeholder rule.
var Rule = &lint.Rule{
	ID:       "image-placeholder",
	Category: lint.CategoryCleaning,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixUnsafe,
	Doc: lint.Doc{
		Title: "An image file name alone on a line, left where a picture was",
		Why: "When a page is exported or scraped, each <img> can leave its file name behind on a line of its own " +
			"(photo_01.jpg, IMG_2041.JPG, 图片1.png). Readers see a meaningless name between the paragraphs. " +
			"Plain-text articles: any line that is only an image file name. Markdown: a paragraph whose whole text " +
			"is one. Names with a path or a scheme (/img/a.png, https://…/a.png) and names right after a line " +
			"ending in a colon (\"Download the map:\") are left alone: there the name is the content. The caption " +
			"under the picture is kept.",
		Wrong: "Date:2025-03-14 09:30\n\nphoto_01.jpg\n\nAt the signing ceremony",
		Right: "Date:2025-03-14 09:30\n\nAt the signing ceremony",
		Fix: "Unsafe: deletes the whole line, line ending included, and one blank line beside it when two would " +
			"otherwise meet, so blank-lines has nothing new to report. Unsafe because the name may be the only " +
			"trace of which picture belonged there; an editor may prefer to put the image back.",
	},
	Run: run,
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	type finding struct {
		line int
		name document.Span
	}
	var found []finding
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		var name document.Span
		notName := "/\\:" // a path or a URL says where the picture is: content, not a leftover
		switch {
		case doc.Format == document.FormatText && b.Role == document.RoleImage:
			name = lines.Trim(src, b.Prose)
		case doc.Format == document.FormatMarkdown && b.Kind == document.KindParagraph && b.Role == document.RoleBody:
			// The paragraph must be the file name and nothing else: one
			// line, its visible text the whole line, so no emphasis, link
			// or code around it. A backslash escapes (photo\_01.jpg).
			if bytes.IndexByte(src[b.Start:b.End], '\n') >= 0 {
				continue
			}
			name = lines.Trim(src, b.Span)
			if name != b.Prose {
				continue
			}
			notName = "/:`*[]()<>!|"
		default:
			continue
		}
		text := src[name.Start:name.End]
		if !parse.IsImageFileName(text) || bytes.ContainsAny(text, notName) || afterColon(doc, b.Start) {
			continue
		}
		found = append(found, finding{doc.Line(b.Start), name})
	}
	if len(found) == 0 {
		return
	}
	deleted := make([]int, len(found)) // ascending: blocks are in document order
	for i, f := range found {
		deleted[i] = f.line
	}
	same := lines.In(deleted)
	for _, f := range found {
		name := string(src[f.name.Start:f.name.End])
		pass.Report(lint.Diagnostic{
			Start:   f.name.Start,
			End:     f.name.End,
			Message: fmt.Sprintf("image file name \"%s\" left where a picture was; delete the line", name),
			Fix: &lint.Fix{
				Message:       fmt.Sprintf("Delete the line \"%s\"", name),
				Applicability: lint.Unsafe,
				Edits:         lines.Delete(doc, f.line, same),
			},
		})
	}
}

// afterColon reports whether the line holding off comes after a line that
// ends in a colon, with at most blank lines between: "Download the map:"
// introduces the file name, which is then content, not a leftover.
func afterColon(doc *document.Document, off int) bool {
	for n := doc.Line(off) - 1; n >= 1; n-- {
		sp := lines.Span(doc, n)
		t := lines.Trim(doc.Src, sp)
		if t.Start >= t.End {
			continue
		}
		r, _ := utf8.DecodeLastRune(doc.Src[t.Start:t.End])
		return r == ':' || r == '：'
	}
	return false
}
