package parse

import (
	"bytes"
	"strings"
	"testing"
)

// TestCROnlyLines: a file whose lines end with CR alone is read as lines,
// its front matter found, and the line endings reported.
func TestCROnlyLines(t *testing.T) {
	src := []byte("---\rtitle: Harbour notes\rdate: 2025-03-14\r---\r\rThe council met on Tuesday.\r")
	doc, err := Parse("notes.md", src)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Harbour notes" || doc.Date == nil || doc.Date.Raw != "2025-03-14" {
		t.Errorf("front matter not read: title %q, date %+v", doc.Title, doc.Date)
	}
	if doc.Lines() != 7 {
		t.Errorf("%d lines, want 7", doc.Lines())
	}
	if line, col := doc.Position(bytes.Index(src, []byte("council"))); line != 6 || col != 5 {
		t.Errorf("council at %d:%d, want 6:5", line, col)
	}
	if len(doc.Problems) != 1 || doc.Problems[0].Rule != "encoding" || !strings.Contains(doc.Problems[0].Message, "CR alone") {
		t.Errorf("problems %+v, want one about CR line endings", doc.Problems)
	}
	// A fix starts from the text as in the file.
	if !doc.CROnly || !bytes.Equal(doc.FileSrc(), src) {
		t.Errorf("CROnly %v, FileSrc %q, want the file %q", doc.CROnly, doc.FileSrc(), src)
	}
	// A file with CRLF endings is not one of them.
	crlf := bytes.ReplaceAll(src, []byte("\r"), []byte("\r\n"))
	doc, _ = Parse("notes.md", crlf)
	if len(doc.Problems) != 0 {
		t.Errorf("CRLF file: problems %+v", doc.Problems)
	}
	if doc.CROnly || !bytes.Equal(doc.FileSrc(), crlf) {
		t.Errorf("CRLF file: CROnly %v, FileSrc %q", doc.CROnly, doc.FileSrc())
	}
}
