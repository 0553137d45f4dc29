package document

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/copydesk/copydesk/dates"
)

// Format is the syntax an article is written in.
type Format uint8

// The article formats copydesk reads.
const (
	FormatText Format = iota
	FormatMarkdown
	// FormatHTML is an .html or .htm page: prose is its text nodes, read in
	// place, and tags, attributes and entity references are markup.
	FormatHTML
)

func (f Format) String() string {
	switch f {
	case FormatMarkdown:
		return "markdown"
	case FormatHTML:
		return "html"
	}
	return "text"
}

// Span is a byte range [Start, End) of a document's source.
type Span struct{ Start, End int }

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// BlockKind is the syntactic kind of a block.
type BlockKind uint8

// Block kinds. Code, HTML and front matter blocks hold no prose.
const (
	KindParagraph BlockKind = iota
	KindHeading
	KindListItem
	KindQuote
	KindTableCell
	KindCode
	KindHTML
	KindFrontMatter
	KindField // a prose-bearing front matter value (title, description)
	KindSeparator
)

var kindNames = [...]string{"paragraph", "heading", "list-item", "quote", "table-cell", "code", "html", "front-matter", "field", "separator"}

func (k BlockKind) String() string { return kindNames[k] }

// Role is what a block is for in the article.
type Role uint8

// Block roles.
const (
	RoleBody Role = iota
	RoleLabel
	RoleTitle
	RoleDate
	RoleCaption
	RoleByline
	RoleNavigation
	RoleImage
	RoleDescription
	RoleNone // markup without a role in the article: code, separators
)

var roleNames = [...]string{"body", "label", "title", "date", "caption", "byline", "navigation", "image", "description", "none"}

func (r Role) String() string { return roleNames[r] }

// A Block is one unit of an article: a paragraph, a title line, a heading,
// a navigation line. Its tokens are Document.Tokens[Tok0:Tok1], which
// Document.BlockTokens returns.
//
// The small fields come first, so that a block takes 48 bytes: a long
// document has one every few hundred bytes of text.
type Block struct {
	Kind   BlockKind
	Role   Role
	Level  uint8 // heading level, 1–6
	Bullet bool  // the line began with a bullet glyph left from a list page
	// Facts say what the block's prose holds, so rules can skip it.
	Facts BlockFacts
	Span  // the block's raw bytes, markup included
	// Prose is where the block's text starts after indentation and bullet
	// glyphs; for plain-text blocks it is the prose range.
	Prose      Span
	Tok0, Tok1 int32
}

// NavDir is the direction of a navigation link.
type NavDir uint8

// Navigation directions.
const (
	NavNext NavDir = iota
	NavPrev
)

func (d NavDir) String() string {
	if d == NavPrev {
		return "previous"
	}
	return "next"
}

// A NavLink is a previous/next link: from a plain-text line
// ("[next]:Title") or from front matter (prev/next fields).
type NavLink struct {
	Dir    NavDir
	Label  string // as written: "[next]", "Previous", "上一篇", "prev"
	Target string // the title or path it points at
	Text   string // display text, for front matter objects {text, link}
	// IsPath is set when Target is a path or link rather than a title.
	IsPath bool
	Span   Span // the target's bytes; zero when the position is unknown
}

// A Link is a Markdown link or image as written in the body.
type Link struct {
	Dest  string // the destination as goldmark reads it (escapes resolved)
	Span  Span   // the destination's bytes; the link text's when not found
	Image bool
}

// DateSource says where a publication date was found.
type DateSource uint8

// Date sources, in the order they are preferred.
const (
	DateLine DateSource = iota
	DateFrontMatter
	DateFileName
	DatePath
)

// A DateField is the publication date as written.
type DateField struct {
	Source    DateSource
	Label     string // "Date:", "Publish Time:", "date" (front matter key)
	LabelSpan Span
	Raw       string
	// Lead is the label as written up to the date, the space after it
	// included ("Date: "), so that comparing layouts needs no text.
	Lead     string
	Span     Span       // the raw date's bytes
	Parsed   dates.Date // valid only when ParseErr is nil
	ParseErr error      // the text is not a date at all
}

// Config names the source as dates.sources in the configuration writes it.
func (s DateSource) Config() string {
	return [...]string{"line", "front-matter", "file-name", "path"}[s]
}

// DatesFrom returns the dates found in the sources the configuration
// allows (all when sources is empty), in order of preference.
func (s *Summary) DatesFrom(sources []string) []*DateField {
	if len(sources) == 0 {
		return s.Dates
	}
	var out []*DateField
	for _, d := range s.Dates {
		if slices.Contains(sources, d.Source.Config()) {
			out = append(out, d)
		}
	}
	return out
}

// Summary is what survives of a document after its own rules ran: enough
// for corpus rules (titles, dates, links) and for printing positions.
type Summary struct {
	Path   string
	Format Format
	Src    []byte
	Title  string
	// TitleSpan locates the title; zero when it came from nowhere in the text.
	TitleSpan Span
	// Date is the preferred publication date: the first of Dates.
	Date *DateField
	// Dates are all the publication dates found, in the order of
	// preference of DateSource: a date line, front matter, the file name,
	// path segments (or a TOML `path` key).
	Dates []*DateField
	Nav   []NavLink
	// Meta is the decoded front matter, nil for plain text.
	Meta map[string]any
	// Draft is set when the front matter says draft: true.
	Draft bool
	// Directives are the suppression comments found in the document; they
	// outlive the tokens because corpus rules report after parsing.
	Directives []Directive
	// Links are the Markdown links and images of the body, in source
	// order; autolinks and raw HTML are not included.
	Links []Link
	// Protected are the spans of markup inside or beside prose that no
	// safe fix may edit: reference-link labels, entity references in
	// Markdown and HTML, container lines, shortcodes, template tags, JSX
	// and HTML tags. Sorted by Start; they may nest. See GuardFix.
	Protected []Protected
	// Anchors are the #fragment names the document defines: each heading's
	// slug as GitHub (and Hugo's default) and VitePress make it, explicit
	// {#id} attributes, and id/name attributes in raw HTML. Lower case.
	Anchors []string
	// Head is what the rules across articles read of the text itself,
	// worked out by the parser while the text is there: a file read as
	// context for them needs none of its text after parsing.
	Head Head
	// CROnly is set when the file's lines end with CR alone (classic
	// Mac OS): Src has LF in place of each CR, at the same offsets, and
	// FileSrc gives the text as in the file.
	CROnly bool

	lines []int32 // byte offset of each line start: 32 bits, as files are under 2 GiB
	bom   int     // length of a leading byte order mark
	// protMax is the length of the longest protected span.
	protMax int

	// marks index the columns of long lines, built on first use, so that a
	// column costs at most runeMarkEvery bytes of counting however long
	// the line is, instead of counting from the line's start for each
	// finding, which is quadratic on a one-line file.
	marksOnce sync.Once
	marks     []runeMark
}

// Head is what a document's text shows beyond its parsed summary: where
// its title may be, and the habits of the site generator it is written for.
type Head struct {
	// FirstLines are, for plain text, up to three non-blank lines from the
	// top, bullet glyphs and spaces trimmed, lines of dashes skipped: what
	// a next link may name the article by besides its title.
	FirstLines []string
	// PlusFrontMatter: the text opens with +++ (TOML front matter).
	PlusFrontMatter bool
	// Containers: a line opens a ::: container (VitePress, Docusaurus).
	Containers bool
	// Includes: the text pulls in others (a shortcode, a template include,
	// an @include or import line), so its anchors may come from them.
	Includes bool
}

// ReadHead works out s.Head from s.Src; a parser calls it once.
func (s *Summary) ReadHead() {
	src := s.Src
	s.Head = Head{
		PlusFrontMatter: bytes.HasPrefix(src[s.bom:], []byte("+++")),
		Containers:      bytes.Contains(src, []byte("\n:::")),
	}
	for _, m := range [][]byte{[]byte("{{<"), []byte("{{%"), []byte("{% include"), []byte("@include"), []byte("\nimport ")} {
		if bytes.Contains(src, m) {
			s.Head.Includes = true
			break
		}
	}
	if s.Format == FormatText {
		s.Head.FirstLines = firstLines(src, 3)
	}
}

// firstLines returns up to n non-blank lines from the top of a text, bullet
// glyphs and spaces trimmed, skipping lines of dashes.
func firstLines(src []byte, n int) []string {
	var out []string
	for len(src) > 0 && len(out) < n {
		line := src
		if k := bytes.IndexByte(src, '\n'); k >= 0 {
			line, src = src[:k], src[k+1:]
		} else {
			src = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 || len(line) > 1000 {
			continue
		}
		t := strings.TrimSpace(strings.TrimLeft(string(line), "•·*-"))
		if t == "" || strings.Trim(t, "-=_") == "" {
			continue
		}
		out = append(out, t)
	}
	return out
}

// ProtectKind says what a protected span is.
type ProtectKind uint8

// The kinds of protected spans.
const (
	// ProtectMarkup is syntax a site generator reads: a container line
	// (::: tip), a shortcode or template tag, an MDX import or JSX tag, an
	// HTML tag. Editing it changes the page's structure: no fix may.
	ProtectMarkup ProtectKind = iota
	// ProtectLabel is a shortcut or collapsed reference link's label with
	// its brackets ([the forum], [the forum][]): its text must match the
	// link's definition, so an edit inside is for a person to make with the
	// definition (unsafe at most).
	ProtectLabel
	// ProtectEntity is a character reference the author wrote in Markdown
	// or HTML (&nbsp;, &mdash;, &#xfe0e;): replacing it is unsafe at most.
	ProtectEntity
	// ProtectDelimiter is the syntax around prose that a cut would break:
	// an inline link's "[" and "](url)", an inline HTML tag in Markdown.
	// An edit touching it is unsafe at most.
	ProtectDelimiter
	// ProtectElement is emphasis or strikethrough with its markers (Span)
	// around its text (Inner): an edit inside the text, or one removing
	// the whole element, is fine; one cutting a marker is unsafe at most.
	ProtectElement
	// ProtectTitle is a container's title (::: tip Title, :::note[Title]):
	// shown as the box's heading, so checked as prose, but on the
	// container's line, which the generator reads: unsafe at most.
	ProtectTitle
)

var protectNames = [...]string{"markup", "a reference link's label", "an entity reference", "link or tag syntax", "emphasis markers", "a container's title"}

func (k ProtectKind) String() string { return protectNames[k] }

// A Protected span is markup a safe fix must not edit.
type Protected struct {
	Span
	Kind ProtectKind
	// Inner is the text between an element's markers (ProtectElement).
	Inner Span
}

// touches reports whether an edit of [start, end) changes bytes of sp or inserts strictly
// inside it; an insertion at either end leaves it whole.
func touches(start, end int, sp Span) bool {
	if start == end {
		return sp.Start < start && start < sp.End
	}
	return start < sp.End && end > sp.Start
}

// ProtectedAt returns a protected span that an edit of [start, end)
// touches: markup if the edit touches any, since no fix may edit it.
func (s *Summary) ProtectedAt(start, end int) (Protected, bool) {
	var found Protected
	ok := false
	ps := s.Protected
	// Sorted by Start: only spans starting before the edit's end can
	// touch it, and none longer than the longest starts before that.
	j := sort.Search(len(ps), func(i int) bool { return ps[i].Start >= max(end, start+1) })
	for i := j - 1; i >= 0 && ps[i].Start+s.protMax > start; i-- {
		p := ps[i]
		if p.Kind == ProtectElement {
			whole := start <= p.Start && end >= p.End && end > start
			inside := start >= p.Inner.Start && end <= p.Inner.End
			if whole || inside {
				continue
			}
		}
		if touches(start, end, p.Span) {
			if p.Kind == ProtectMarkup {
				return p, true
			}
			if !ok {
				found, ok = p, true
			}
		}
	}
	return found, ok
}

// SortProtected orders the protected spans and notes the longest.
func (s *Summary) SortProtected() {
	sort.Slice(s.Protected, func(i, j int) bool { return s.Protected[i].Start < s.Protected[j].Start })
	s.protMax = 0
	for _, p := range s.Protected {
		s.protMax = max(s.protMax, p.Len())
	}
}

// Protect records a protected span.
func (s *Summary) Protect(start, end int, k ProtectKind) {
	if end > start {
		s.Protected = append(s.Protected, Protected{Span: Span{start, end}, Kind: k})
	}
}

// runeMark is a place in a long line: a byte offset at a character start
// and the characters from the line's start (its BOM excluded) to it.
type runeMark struct{ off, runes int }

const runeMarkEvery = 4096

// Document is one parsed article shared read-only by every rule.
type Document struct {
	*Summary
	Blocks []Block
	// Tokens are the document's tokens; nil once a long document's are
	// packed (see PackTokens): read a block's with BlockTokens.
	Tokens []Token
	packed *packedTokens
	// Verbatim spans are never linted: front matter, code blocks, raw HTML.
	// Sorted and disjoint.
	Verbatim []Span
	// Problems are syntax errors found while parsing (bad front matter).
	Problems []Problem
}

// A Problem is a parse-time finding reported through a built-in rule.
type Problem struct {
	Rule    string
	Message string
	Span    Span
}

// BlockTokens returns the tokens of a block. A long document's tokens
// are packed (PackTokens), and the slice of one of its blocks is the
// block's until the tokens of three other chunks of blocks (tens of
// kilobytes of text each) are read: read a block's tokens while looking at
// it and its neighbours, and keep what is needed of them, not the slice.
// Rules' tests check it with chunks of a few tokens (FuzzPackedTokens).
func (d *Document) BlockTokens(b *Block) []Token {
	switch {
	case d.packed == nil:
		return d.Tokens[b.Tok0:b.Tok1]
	case b.Tok0 == b.Tok1:
		return make([]Token, 0) // empty, not nil, as unpacked
	}
	return d.packed.span(b.Tok0, b.Tok1)
}

// Text returns the source bytes of a span without copying.
func (s *Summary) Text(sp Span) []byte { return s.Src[sp.Start:sp.End] }

// FileSrc returns the text as it is in the file: Src, or for a CROnly
// file a copy of Src with CR back in place of each LF. A fix starts from
// it, so that it writes the file's own line endings.
func (s *Summary) FileSrc() []byte {
	if !s.CROnly {
		return s.Src
	}
	return bytes.ReplaceAll(s.Src, []byte{'\n'}, []byte{'\r'})
}

// Lines returns the number of lines.
func (s *Summary) Lines() int { return len(s.lines) }

// LineStart returns the byte offset where 1-based line n starts.
func (s *Summary) LineStart(n int) int { return int(s.lines[n-1]) }

// LineSpan returns the bytes of 1-based line n without its line ending.
func (s *Summary) LineSpan(n int) Span {
	start := int(s.lines[n-1])
	end := len(s.Src)
	if n < len(s.lines) {
		end = int(s.lines[n]) - 1
	}
	if end > start && end <= len(s.Src) && end-1 >= start && s.Src[end-1] == '\r' {
		end--
	}
	if end < start {
		end = start
	}
	return Span{start, end}
}

// Line returns the 1-based line holding byte offset off.
func (s *Summary) Line(off int) int {
	return sort.Search(len(s.lines), func(i int) bool { return int(s.lines[i]) > off })
}

// Position maps a byte offset to a 1-based line and a 1-based column
// counted in Unicode code points. A leading byte order mark is not counted.
func (s *Summary) Position(off int) (line, col int) {
	if off > len(s.Src) {
		off = len(s.Src)
	}
	line = s.Line(off)
	if line < 1 {
		line = 1
	}
	start := int(s.lines[line-1])
	if line == 1 {
		start += s.bom
		if off < start {
			off = start
		}
	}
	runes := 0
	if off-start > runeMarkEvery {
		s.marksOnce.Do(s.indexRunes)
		// The last mark at or before off, if it lies in this line.
		i := sort.Search(len(s.marks), func(i int) bool { return s.marks[i].off > off }) - 1
		if i >= 0 && s.marks[i].off > start {
			start, runes = s.marks[i].off, s.marks[i].runes
		}
	}
	return line, runes + utf8.RuneCount(s.Src[start:off]) + 1
}

// indexRunes marks every runeMarkEvery bytes of each line longer than
// that, with the characters counted from the line's start.
func (s *Summary) indexRunes() {
	for n := range s.lines {
		start := int(s.lines[n])
		end := len(s.Src)
		if n+1 < len(s.lines) {
			end = int(s.lines[n+1])
		}
		if n == 0 {
			start += s.bom
		}
		runes := 0
		for at := start; end-at > runeMarkEvery; {
			next := at + runeMarkEvery
			for next < end && !utf8.RuneStart(s.Src[next]) {
				next++
			}
			runes += utf8.RuneCount(s.Src[at:next])
			s.marks = append(s.marks, runeMark{next, runes})
			at = next
		}
	}
}

// IndexLines records where each line starts; a parser calls it once,
// before anything asks for a line or column.
func (s *Summary) IndexLines() {
	// bytes.Count and IndexByte use vector instructions, and every file
	// passes through here.
	s.lines = make([]int32, 1, bytes.Count(s.Src, []byte{'\n'})+1)
	for off := 0; ; {
		i := bytes.IndexByte(s.Src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		s.lines = append(s.lines, int32(off))
	}
	if len(s.Src) >= 3 && s.Src[0] == 0xEF && s.Src[1] == 0xBB && s.Src[2] == 0xBF {
		s.bom = 3
	}
}

// BOM returns the length of the leading byte order mark, 0 or 3.
func (s *Summary) BOM() int { return s.bom }

// Newline returns the line ending the document uses, for fixes that insert lines.
func (s *Summary) Newline() string {
	if len(s.lines) > 1 {
		i := s.lines[1] - 2
		if i >= 0 && s.Src[i] == '\r' {
			return "\r\n"
		}
	}
	return "\n"
}

// InVerbatim reports whether off lies inside a verbatim span.
func (d *Document) InVerbatim(off int) bool {
	i := sort.Search(len(d.Verbatim), func(i int) bool { return d.Verbatim[i].End > off })
	return i < len(d.Verbatim) && d.Verbatim[i].Start <= off
}
