package lint

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/copydesk/copydesk/dates"
)

// MaxFileSize bounds what copydesk reads: token offsets are 32-bit.
const MaxFileSize = 1<<31 - 1

// ErrBinary and ErrEncoding classify files that are not UTF-8 text.
var (
	ErrBinary   = errors.New("binary file, not an article")
	ErrEncoding = errors.New("not valid UTF-8")
	ErrTooLarge = errors.New("file too large (2 GiB or more)")
)

// IsArticle reports whether a file name has an extension copydesk reads.
func IsArticle(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".markdown", ".mdown", ".mkd":
		return true
	}
	return false
}

// FormatOf picks the format from the file name: Markdown by extension,
// plain text otherwise.
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown
	}
	return FormatText
}

// Parse reads an article once into the model every rule shares. It fails
// only for input that is not UTF-8 text; any text parses.
func Parse(name string, src []byte) (*Document, error) {
	if len(src) >= MaxFileSize {
		return nil, ErrTooLarge
	}
	if err := checkText(src); err != nil {
		return nil, err
	}
	doc := &Document{Summary: &Summary{Path: name, Format: FormatOf(name), Src: src}}
	doc.indexLines()
	doc.Tokens = getTokens(len(src))
	if doc.Format == FormatMarkdown {
		parseMarkdown(doc)
	} else {
		parseText(doc)
	}
	doc.collectDates(name)
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		b.Facts = blockFacts(src, doc.BlockTokens(b))
	}
	return doc, nil
}

// checkText rejects binary files and invalid UTF-8 with a message that says
// where and what the file most likely is.
func checkText(src []byte) error {
	head := src
	if len(head) > 8000 {
		head = head[:8000]
	}
	if len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) {
		return fmt.Errorf("%w: the file starts with a UTF-16 byte order mark; convert it to UTF-8", ErrEncoding)
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return ErrBinary
	}
	if utf8.Valid(src) {
		return nil
	}
	off := 0
	for off < len(src) {
		r, w := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && w == 1 {
			break
		}
		off += w
	}
	line := bytes.Count(src[:off], []byte{'\n'}) + 1
	col := utf8.RuneCount(src[bytes.LastIndexByte(src[:off], '\n')+1:off]) + 1
	return fmt.Errorf("%w: byte 0x%02X at line %d, column %d; the file looks like %s: convert it to UTF-8",
		ErrEncoding, src[off], line, col, guessEncoding(src))
}

// guessEncoding names the likeliest legacy encoding: GB18030 when high
// bytes come in lead/trail pairs, Windows-1252 otherwise.
func guessEncoding(src []byte) string {
	pairs, singles := 0, 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c < 0x80 {
			continue
		}
		if c >= 0x81 && c <= 0xFE && i+1 < len(src) && src[i+1] >= 0x40 && src[i+1] <= 0xFE && src[i+1] != 0x7F {
			pairs++
			i++
			continue
		}
		singles++
	}
	if pairs > 2*singles && pairs > 0 {
		return "GB18030 (Chinese)"
	}
	return "Windows-1252"
}

// collectDates records every publication date found: the date line or
// front matter date the parsers set, a TOML `path` key, and the file name
// or folders. Summary.Date stays the preferred one.
func (doc *Document) collectDates(name string) {
	var all []*DateField
	if doc.Date != nil {
		all = append(all, doc.Date)
	}
	all = append(all, doc.Dates...)
	all = append(all, dateFromPath(name)...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].Source < all[j].Source })
	doc.Dates = all
	if doc.Date == nil && len(all) > 0 {
		doc.Date = all[0]
	}
}

// dateFromPath reads the date Jekyll puts in file names (2025-03-14-slug.md)
// and a /2025/03/14/ folder path.
func dateFromPath(name string) []*DateField {
	var out []*DateField
	base := path.Base(filepath.ToSlash(name))
	if len(base) > 11 && base[4] == '-' && base[7] == '-' && base[10] == '-' {
		if d, err := dates.Parse(base[:10], dates.OrderUnknown); err == nil {
			out = append(out, &DateField{Source: DateFileName, Label: "file name", Raw: base[:10], Parsed: d})
		}
	}
	parts := strings.Split(path.Dir(filepath.ToSlash(name)), "/")
	for i := 0; i+2 < len(parts); i++ {
		if len(parts[i]) == 4 && len(parts[i+1]) == 2 && len(parts[i+2]) == 2 {
			raw := parts[i] + "-" + parts[i+1] + "-" + parts[i+2]
			if d, err := dates.Parse(raw, dates.OrderUnknown); err == nil {
				out = append(out, &DateField{Source: DatePath, Label: "path", Raw: raw, Parsed: d})
				break
			}
		}
	}
	return out
}

// Token buffers are the largest allocation per document and die with the
// document's per-file phase, so they are reused.
var tokenPool = sync.Pool{}

func getTokens(size int) []Token {
	// About one token per three bytes of prose.
	want := size/3 + 16
	if p, ok := tokenPool.Get().(*[]Token); ok && cap(*p) >= want {
		return (*p)[:0]
	}
	return make([]Token, 0, want)
}

// Release returns the document's token buffer for reuse by later parses.
// The document must not be used afterwards; its Summary stays valid.
func (d *Document) Release() {
	if cap(d.Tokens) > 0 && cap(d.Tokens) <= 1<<24 {
		t := d.Tokens[:0]
		tokenPool.Put(&t)
	}
	d.Tokens, d.Blocks = nil, nil
}
