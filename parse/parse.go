package parse

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/dates"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/read"
)

// MaxFileSize bounds what copydesk reads: token offsets are 32-bit.
const MaxFileSize = 1<<31 - 1

// ErrUnsupported is returned for files in a markup language copydesk does
// not parse; reading them as plain text would take their syntax for prose.
var ErrUnsupported = errors.New("not read")

// Parse reads an article once into the model every rule shares. It fails
// only for input that is not UTF-8 text; any text parses.
func Parse(name string, src []byte) (*document.Document, error) { return WithFacts(name, src, true) }

// WithFacts is Parse; without facts, every block has document.AnyFacts,
// so that no rule passes over a block: the light parse of corpus-only
// files, whose blocks only the corpus rules read, and the reference the
// prefilter test compares the facts with.
func WithFacts(name string, src []byte, facts bool) (*document.Document, error) {
	return new(Parser).Parse(name, src, facts)
}

// Parse is WithFacts reusing p's memory.
func (p *Parser) Parse(name string, src []byte, facts bool) (*document.Document, error) {
	if len(src) >= MaxFileSize {
		return nil, fmt.Errorf("%w: 2 GiB or more, and copydesk reads files under 2 GiB", read.ErrTooLarge)
	}
	if why := read.NotArticleFormat(name); why != "" {
		return nil, fmt.Errorf("%w: %s", ErrUnsupported, why)
	}
	if err := read.CheckText(src); err != nil {
		return nil, err
	}
	crOnly := crOnly(src)
	src = Text(src)
	doc := &document.Document{Summary: &document.Summary{Path: name, Format: document.FormatOf(name), Src: src, CROnly: crOnly}}
	doc.IndexLines()
	if crOnly {
		first := bytes.IndexByte(src, '\n')
		doc.Problems = append(doc.Problems, document.Problem{Rule: "encoding", Span: document.Span{Start: first, End: first + 1},
			Message: "lines end with CR alone (classic Mac OS): copydesk reads each CR as a line break, and a fix keeps them; convert the line endings to LF"})
	}
	if p.PackFrom > 0 && len(src) >= p.PackFrom {
		chunk := cmp.Or(p.PackChunk, packChunk)
		doc.PackTokens(chunk)
		doc.Tokens = p.tokensFor(min(len(src), chunk*3))
	} else {
		doc.Tokens = p.tokensFor(len(src))
	}
	switch doc.Format {
	case document.FormatMarkdown:
		parseMarkdown(doc, p)
	case document.FormatHTML:
		parseHTML(doc)
	default:
		parseText(doc, cmp.Or(p.blockBudget, maxBlocks))
	}
	doc.FinishTokens()
	if len(src) > document.MaxTokenLen {
		// Only a file this large can hold a token too long to keep its
		// length (see document.Token); its positions would be wrong.
		for t := range doc.AllTokens() {
			if t.TooLong() {
				return nil, fmt.Errorf("%w: a run of %s or more without a space or break at byte %d, longer than copydesk reads as one word", read.ErrTooLarge, read.ByteSize(int64(document.MaxTokenLen+1)), t.Start)
			}
		}
	}
	doc.SortProtected()
	collectDates(doc, name)
	doc.ReadHead()
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if !facts {
			b.Facts = document.AnyFacts
			continue
		}
		b.Facts = document.FactsOf(src, doc.BlockTokens(b))
	}
	return doc, nil
}

// restAsMarkup makes the text from start on one block of markup, as a code
// block is: the rest of a plain-text or Markdown document past its
// budget of blocks (maxBlocks).
func restAsMarkup(doc *document.Document, start int) {
	sp := document.Span{Start: start, End: len(doc.Src)}
	doc.Verbatim = append(doc.Verbatim, sp)
	n := doc.TokenCount()
	doc.Blocks = append(doc.Blocks, document.Block{Kind: document.KindCode, Role: document.RoleNone, Span: sp, Prose: document.Span{Start: start, End: start}, Tok0: n, Tok1: n})
}

// crOnly: the lines of src end with CR alone (classic Mac OS).
func crOnly(src []byte) bool {
	return bytes.IndexByte(src, '\r') >= 0 && bytes.IndexByte(src, '\n') < 0
}

// Text returns src as Parse reads it, the text its summary's offsets are
// in: lines that end with CR alone (classic Mac OS) are read as lines,
// the same bytes with LF in place of each CR, so every offset stays where
// it was.
func Text(src []byte) []byte {
	if crOnly(src) {
		return bytes.ReplaceAll(src, []byte{'\r'}, []byte{'\n'})
	}
	return src
}

// collectDates records every publication date found: the date line or
// front matter date the parsers set, a TOML `path` key, and the file name
// or folders. Summary.Date stays the preferred one.
func collectDates(doc *document.Document, name string) {
	var all []*document.DateField
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
	for _, d := range all {
		if d.LabelSpan.End > d.LabelSpan.Start && d.LabelSpan.Start <= d.Span.Start && d.Span.Start <= len(doc.Src) {
			d.Lead = string(doc.Src[d.LabelSpan.Start:d.Span.Start])
		}
	}
}

// dateFromPath reads the date Jekyll puts in file names (2025-03-14-slug.md)
// and a /2025/03/14/ folder path.
func dateFromPath(name string) []*document.DateField {
	var out []*document.DateField
	base := path.Base(filepath.ToSlash(name))
	if len(base) > 11 && base[4] == '-' && base[7] == '-' && base[10] == '-' {
		if d, err := dates.Parse(base[:10], dates.OrderUnknown); err == nil {
			out = append(out, &document.DateField{Source: document.DateFileName, Label: "file name", Raw: base[:10], Parsed: d})
		}
	}
	parts := strings.Split(path.Dir(filepath.ToSlash(name)), "/")
	for i := 0; i+2 < len(parts); i++ {
		if len(parts[i]) == 4 && len(parts[i+1]) == 2 && len(parts[i+2]) == 2 {
			raw := parts[i] + "-" + parts[i+1] + "-" + parts[i+2]
			if d, err := dates.Parse(raw, dates.OrderUnknown); err == nil {
				out = append(out, &document.DateField{Source: document.DatePath, Label: "path", Raw: raw, Parsed: d})
				break
			}
		}
	}
	return out
}
