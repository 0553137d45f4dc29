package lint

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/dates"
)

// MaxFileSize bounds what copydesk reads: token offsets are 32-bit.
const MaxFileSize = 1<<31 - 1

// ErrUnsupported is returned for files in a markup language copydesk does
// not parse; reading them as plain text would take their syntax for prose.
var ErrUnsupported = errors.New("not read")

// Parse reads an article once into the model every rule shares. It fails
// only for input that is not UTF-8 text; any text parses.
func Parse(name string, src []byte) (*Document, error) { return parse(name, src, true) }

// parse is Parse; without facts, blocks carry no BlockFacts, which only
// the document rules read: the light parse of corpus-only files.
func parse(name string, src []byte, facts bool) (*Document, error) {
	if len(src) >= MaxFileSize {
		return nil, fmt.Errorf("%w: 2 GiB or more, and copydesk reads files under 2 GiB", ErrTooLarge)
	}
	if why := NotArticleFormat(name); why != "" {
		return nil, fmt.Errorf("%w: %s", ErrUnsupported, why)
	}
	if err := checkText(src); err != nil {
		return nil, err
	}
	crOnly := bytes.IndexByte(src, '\r') >= 0 && bytes.IndexByte(src, '\n') < 0
	if crOnly {
		// Lines that end with CR alone (classic Mac OS) are read as lines:
		// the same bytes with LF in place of each CR, so every offset
		// stays where it was.
		src = bytes.ReplaceAll(src, []byte{'\r'}, []byte{'\n'})
	}
	doc := &Document{Summary: &Summary{Path: name, Format: FormatOf(name), Src: src}}
	doc.indexLines()
	if crOnly {
		first := bytes.IndexByte(src, '\n')
		doc.Problems = append(doc.Problems, Problem{Rule: "encoding", Span: Span{first, first + 1},
			Message: "lines end with CR alone (classic Mac OS): copydesk reads each CR as a line break, and a fix writes LF line endings; convert the line endings to LF"})
	}
	doc.Tokens = getTokens(len(src))
	switch doc.Format {
	case FormatMarkdown:
		parseMarkdown(doc)
	case FormatHTML:
		parseHTML(doc)
	default:
		parseText(doc)
	}
	doc.sortProtected()
	collectDates(doc, name)
	for i := range doc.Blocks {
		if !facts {
			break
		}
		b := &doc.Blocks[i]
		b.Facts = blockFacts(src, doc.BlockTokens(b))
	}
	return doc, nil
}

// collectDates records every publication date found: the date line or
// front matter date the parsers set, a TOML `path` key, and the file name
// or folders. Summary.Date stays the preferred one.
func collectDates(doc *Document, name string) {
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
