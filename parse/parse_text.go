package parse

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/dates"
	"github.com/copydesk/copydesk/document"
)

// A textUnit is a run of lines that belong together in a plain-text export:
// a paragraph, or one special line (navigation, image, separator).
type textUnit struct {
	span document. // first line start to last line end, line ending excluded
		Span
	prose  int // where the text starts after indentation and bullet
	kind   unitKind
	lines  int
	bullet bool
	alone  bool // the unit is a whole blank-line-separated group
}

type unitKind uint8

const (
	unitText unitKind = iota
	unitNav
	unitImage
	unitSeparator
)

// parseText reads the plain-text export shape described in FORMATS.md:
// label, title, date line, body blocks, navigation lines.
func parseText(doc *document.Document, maxBlocks int) {
	units := &unitQueue{s: unitScanner{doc: doc, groupStart: true}}
	src := doc.Src
	i := 0
	// A short first line standing alone, followed by another text block that
	// is not the date, is a section label ("Institute News").
	// (Units are copied out of the queue: a pointer from at stands only
	// until the next call, which may grow the queue.)
	if units.at(1) != nil {
		u0, u1 := *units.at(0), *units.at(1)
		if u0.kind == unitText && u0.lines == 1 &&
			(u0.alone || units.at(2) != nil && isDateUnit(src, *units.at(2))) &&
			looksLikeLabel(src[u0.prose:u0.span.End]) && looksLikeTitle(src, u1) {
			if _, ok := dateLine(src, firstLine(src, u1)); !ok {
				addTextBlock(doc, u0, document.RoleLabel)
				i = 1
			}
		}
	}
	// The title is the first line of the next text block, unless that line
	// is already the date.
	if u := units.at(i); u != nil && u.kind == unitText {
		line := firstLine(src, *u)
		if _, ok := dateLine(src, line); !ok {
			t := *u
			t.span.End, t.lines = line.End, 1
			addTextBlock(doc, t, document.RoleTitle)
			doc.Title = strings.TrimSpace(string(src[t.prose:t.span.End]))
			doc.TitleSpan = trimSpan(src, document.Span{Start: t.prose, End: t.span.End})
			*u = restAfter(src, *u, line)
			if u.lines == 0 {
				i++
			}
		}
	}
	// The date line comes within the next blocks, past separators and images.
	for j, seen := i, 0; units.at(j) != nil && seen < 3; j++ {
		u := *units.at(j)
		if u.kind != unitText {
			continue
		}
		seen++
		line := firstLine(src, u)
		if df, ok := dateLine(src, line); ok {
			doc.Date = df
			for k := i; k < j; k++ {
				addBodyUnit(doc, units, k)
			}
			d := u
			d.span.End, d.lines = line.End, 1
			addTextBlock(doc, d, document.RoleDate)
			*units.at(j) = restAfter(src, u, line)
			i = j
			if units.at(j).lines == 0 {
				i++
			}
			break
		}
		if seen == 1 && u.lines > 1 {
			break
		}
	}
	for k := i; units.at(k) != nil; k++ {
		if len(doc.Blocks) >= maxBlocks {
			restAsMarkup(doc, units.at(k).span.Start)
			break
		}
		addBodyUnit(doc, units, k)
		units.done(k)
	}
	markBylines(doc)
}

// addBodyUnit adds units[k] with the role its shape and neighbours give it.
func addBodyUnit(doc *document.Document, units *unitQueue, k int) {
	u := *units.at(k)
	switch u.kind {
	case unitNav:
		b := addTextBlock(doc, u, document.RoleNavigation)
		b.Tok1 = b.Tok0
		doc.TruncateTokens(b.Tok0)
		if l, ok := navLine(doc.Src, document.Span{Start: u.prose, End: u.span.End}); ok {
			doc.Nav = append(doc.Nav, l)
		}
	case unitImage:
		b := addTextBlock(doc, u, document.RoleImage)
		b.Tok1 = b.Tok0
		doc.TruncateTokens(b.Tok0)
	case unitSeparator:
		b := addTextBlock(doc, u, document.RoleNone)
		b.Kind = document.KindSeparator
		b.Tok1 = b.Tok0
		doc.TruncateTokens(b.Tok0)
	default:
		role := document.RoleBody
		if k > 0 && units.at(k-1).kind == unitImage && u.lines == 1 && u.span.End-u.prose < 400 && wordCount(doc.Src[u.prose:u.span.End]) <= 20 {
			role = document.RoleCaption
		}
		addTextBlock(doc, u, role)
	}
}

// markBylines gives the byline role to credit lines: anywhere when they
// start with an unmistakable credit, and "By ..." only as the last text.
func markBylines(doc *document.Document) {
	last := -1
	for k := range doc.Blocks {
		b := &doc.Blocks[k]
		if b.Role != document.RoleBody {
			continue
		}
		last = k
		text := doc.Src[b.Prose.Start:b.End]
		if isCredit(text) && wordCount(text) <= 30 {
			b.Role = document.RoleByline
		}
	}
	if last >= 0 {
		b := &doc.Blocks[last]
		text := doc.Src[b.Prose.Start:b.End]
		if b.Role == document.RoleBody && document.HasPrefixFold(text, "by ") && wordCount(text) <= 12 {
			b.Role = document.RoleByline
		}
	}
}

var creditPrefixes = []string{
	"text and photo", "text and photos", "text & photo", "text/photo", "text by", "text:", "photo by", "photos by",
	"photo:", "photos:", "photography:", "written by", "reported by", "reporter:", "editor:", "edited by", "source:",
	"contributed by", "author:", "(text", "(photo", "（文", "文/", "文：", "图/", "图：", "供稿", "撰稿", "编辑：", "来源：",
}

func isCredit(text []byte) bool {
	for _, p := range creditPrefixes {
		if document.HasPrefixFold(text, p) {
			return true
		}
	}
	return false
}

func addTextBlock(doc *document.Document, u textUnit, role document.Role) *document.Block {
	doc.FlushTokens() // between blocks
	t0 := doc.TokenCount()
	doc.AddTokens(u.prose, u.span.End)
	doc.Blocks = append(doc.Blocks, document.Block{
		Kind: document.KindParagraph, Role: role, Span: u.span, Prose: document.Span{Start: u.prose, End: u.span.End},
		Tok0: t0, Tok1: doc.TokenCount(), Bullet: u.bullet,
	})
	return &doc.Blocks[len(doc.Blocks)-1]
}

// A unitQueue is the units of a text (see unitScanner), read as far as
// the parse has asked, and kept from the one before the last it is done
// with: a text of many short paragraphs had its units stand beside its
// blocks, 48 bytes each.
type unitQueue struct {
	s    unitScanner
	buf  []textUnit // units[base:]
	base int
}

// at returns units[k], or nil past the last; k is not below the unit
// before the last one done. The pointer stands until the next call.
func (q *unitQueue) at(k int) *textUnit {
	for k-q.base >= len(q.buf) {
		u, ok := q.s.next()
		if !ok {
			return nil
		}
		q.buf = append(q.buf, u)
	}
	return &q.buf[k-q.base]
}

// done lets the units before k-1 go: the body reads each unit and the one
// before it.
func (q *unitQueue) done(k int) {
	if drop := k - 1 - q.base; drop >= 1024 && drop > len(q.buf)/2 {
		q.buf = append(q.buf[:0], q.buf[drop:]...)
		q.base += drop
	}
}

// A unitScanner splits the source into units, one at a time: blank lines
// separate groups, and inside a group each navigation, image or
// separator line stands alone. A unit is given once the next begins or
// the text ends, as lines may still be added to it until then.
type unitScanner struct {
	doc        *document.Document
	n          int // the last line read
	groupStart bool
	blankSeen  bool
	lastLen    int // length of the previous line's text
	pending    textUnit
	has        bool // pending holds a unit
}

func (s *unitScanner) next() (textUnit, bool) {
	doc, src := s.doc, s.doc.Src
	for s.n < doc.Lines() {
		s.n++
		n := s.n
		ls := doc.LineSpan(n)
		if n == 1 {
			ls.Start += doc.BOM()
		}
		content, bullet := lineContent(src, ls)
		if content.Start >= content.End {
			s.groupStart, s.blankSeen = true, s.blankSeen || n > 1
			continue
		}
		kind := classifyLine(src[content.Start:content.End])
		curLen := content.End - content.Start
		// Lines run together only when the text is wrapped: exports that
		// drop blank lines put each paragraph, and each header line (label,
		// title, date), on a line of its own.
		wrapped := s.lastLen <= maxWrappedLine && curLen <= maxWrappedLine && (s.blankSeen || n > 4)
		s.lastLen = curLen
		if !s.groupStart && wrapped && kind == unitText && s.has && s.pending.kind == unitText {
			s.pending.span.End = ls.End
			s.pending.lines++
			s.pending.alone = false
			continue
		}
		if !s.groupStart && s.has {
			s.pending.alone = false
		}
		u := textUnit{span: document.Span{Start: ls.Start, End: ls.End}, prose: content.Start, kind: kind, lines: 1, bullet: bullet, alone: s.groupStart}
		s.groupStart = false
		if s.has {
			out := s.pending
			s.pending = u
			return out, true
		}
		s.pending, s.has = u, true
	}
	if s.has {
		s.has = false
		return s.pending, true
	}
	return textUnit{}, false
}

// maxWrappedLine is the longest line taken as part of a hard-wrapped
// paragraph; exports that keep a paragraph on one line write longer ones.
const maxWrappedLine = 160

// lineContent trims indentation, a bullet glyph and trailing spaces.
func lineContent(src []byte, ls document.Span) (document.Span, bool) {
	s, e := ls.Start, ls.End
	s = skipSpace(src, s, e)
	bullet := false
	if s < e {
		r, w := utf8.DecodeRune(src[s:e])
		if isBulletGlyph(r) {
			bullet = true
			s = skipSpace(src, s+w, e)
		}
	}
	for e > s {
		r, w := utf8.DecodeLastRune(src[s:e])
		if r == ' ' || r == '\t' || document.IsOddSpace(r) || document.IsInvisible(r) {
			e -= w
			continue
		}
		break
	}
	return document.Span{Start: s, End: e}, bullet
}

func skipSpace(src []byte, s, e int) int {
	for s < e {
		r, w := utf8.DecodeRune(src[s:e])
		if r != ' ' && r != '\t' && !document.IsOddSpace(r) && !document.IsInvisible(r) {
			break
		}
		s += w
	}
	return s
}

// IsBulletGlyph reports whether r is a bullet left at the start of lines
// exported from list pages.
func IsBulletGlyph(r rune) bool { return isBulletGlyph(r) }

func isBulletGlyph(r rune) bool {
	switch r {
	case '•', '●', '▪', '·', '◦', '■', '□', '▫', '‣', '⁃', '◆', '◇', '○', '∙':
		return true
	}
	return false
}

func classifyLine(text []byte) unitKind {
	if isSeparatorLine(text) {
		return unitSeparator
	}
	if _, ok := navLine(text, document.Span{Start: 0, End: len(text)}); ok {
		return unitNav
	}
	if IsImageFileName(text) {
		return unitImage
	}
	return unitText
}

func isSeparatorLine(text []byte) bool {
	var first rune
	n := 0
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRune(text[i:])
		i += w
		if r == ' ' {
			continue
		}
		switch r {
		case '-', '=', '_', '*', '~', '—', '─', '━', '–', '·', '•', '#':
		default:
			return false
		}
		if first == 0 {
			first = r
		} else if r != first {
			return false
		}
		n++
	}
	return n >= 3
}

var imageExts = []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".heic", ".svg"}

// IsImageFileName reports whether a whole line is only an image file name,
// the leftover of an <img> tag: photo_01.jpg, IMG_2041.JPG, 图片1.png.
func IsImageFileName(text []byte) bool {
	text = bytes.TrimSpace(text)
	if len(text) < 5 || len(text) > 120 || bytes.ContainsAny(text, " \t") {
		return false
	}
	dot := bytes.LastIndexByte(text, '.')
	if dot <= 0 {
		return false
	}
	ext := text[dot:]
	for _, e := range imageExts {
		if len(ext) == len(e) && document.HasPrefixFold(ext, e) {
			return true
		}
	}
	return false
}

func looksLikeLabel(text []byte) bool {
	if utf8.RuneCount(text) > 40 || wordCount(text) > 4 {
		return false
	}
	r, _ := utf8.DecodeLastRune(text)
	switch r {
	case '.', '!', '?', '。', '！', '？', ':', '：', ',', ';':
		return false
	}
	return true
}

func isDateUnit(src []byte, u textUnit) bool {
	if u.kind != unitText {
		return false
	}
	_, ok := dateLine(src, firstLine(src, u))
	return ok
}

// looksLikeTitle: a title is one line that does not end like a sentence;
// "Article 3" above "The body of article 3." is the title, not a label.
func looksLikeTitle(src []byte, u textUnit) bool {
	if u.kind != unitText {
		return false
	}
	line := firstLine(src, u)
	text := bytes.TrimRight(src[line.Start:line.End], " \t")
	return !bytes.HasSuffix(text, []byte(".")) && !bytes.HasSuffix(text, []byte("。"))
}

func wordCount(text []byte) int {
	n := 0
	in := false
	for _, c := range text {
		space := c == ' ' || c == '\t' || c == '\n'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

func firstLine(src []byte, u textUnit) document.Span {
	end := u.span.End
	if i := bytes.IndexByte(src[u.prose:u.span.End], '\n'); i >= 0 {
		end = u.prose + i
		if end > u.prose && src[end-1] == '\r' {
			end--
		}
	}
	return document.Span{Start: u.prose, End: end}
}

// restAfter returns what remains of a unit after its first line.
func restAfter(src []byte, u textUnit, line document.Span) textUnit {
	if u.lines <= 1 {
		u.lines = 0
		return u
	}
	nl := bytes.IndexByte(src[line.End:u.span.End], '\n')
	start := line.End + nl + 1
	content, bullet := lineContent(src, document.Span{Start: start, End: u.span.End})
	return textUnit{span: document.Span{Start: start, End: u.span.End}, prose: content.Start, kind: unitText, lines: u.lines - 1, bullet: bullet}
}

func trimSpan(src []byte, s document.Span) document.Span {
	for s.Start < s.End && (src[s.Start] == ' ' || src[s.Start] == '\t') {
		s.Start++
	}
	for s.End > s.Start && (src[s.End-1] == ' ' || src[s.End-1] == '\t' || src[s.End-1] == '\r') {
		s.End--
	}
	return s
}

// dateLabels are the labels publishing systems put before the date; the
// longest match wins, so "Published on" is tried before "Published".
var dateLabels = []string{
	"publish time", "publication date", "published on", "published", "posted on", "posted", "release date",
	"release time", "date published", "date", "updated", "time", "发布时间", "发布日期", "发表时间", "日期", "时间",
}

// maxDateLine bounds the lines tried as date lines: a label and a date
// with a time and zone fit well within it, and body paragraphs, which are
// one long line in exports, are not parsed for nothing.
const maxDateLine = 120

// dateLine recognises "Label: date" or a bare date on one line.
func dateLine(src []byte, line document.Span) (*document.DateField, bool) {
	if line.End-line.Start > maxDateLine {
		return nil, false
	}
	text := src[line.Start:line.End]
	for _, lab := range dateLabels {
		if !document.HasPrefixFold(text, lab) {
			continue
		}
		k := len(lab)
		if k < len(text) && document.IsWordByte(text[k]) && text[k] < utf8.RuneSelf {
			continue // "Dated", "Timeline"
		}
		// "Date : 2025-03-14": exports pad the colon too.
		if c := skipSpace(text, k, len(text)); c < len(text) && (text[c] == ':' || bytes.HasPrefix(text[c:], []byte("："))) {
			k = c
		}
		if k < len(text) && text[k] == ':' {
			k++
		} else if bytes.HasPrefix(text[k:], []byte("：")) {
			k += len("：")
		} else if !strings.HasSuffix(lab, " on") && lab != "posted" && lab != "published" {
			continue // a bare "Date" or "Time" must be followed by a colon
		}
		labelSpan := document.Span{Start: line.Start, End: line.Start + k}
		vs := skipSpace(src, line.Start+k, line.End)
		value := trimSpan(src, document.Span{Start: vs, End: line.End})
		df := &document.DateField{Source: document.DateLine, Label: string(src[labelSpan.Start:labelSpan.End]), LabelSpan: labelSpan, Span: value, Raw: string(src[value.Start:value.End])}
		if d, err := parseDateValue(src, &df.Span); err == nil {
			df.Parsed = d
			df.Raw = string(src[df.Span.Start:df.Span.End])
		} else {
			// A date label followed by something else: "Time: two hours" in
			// a body is not a date line; right under the title it is a bad date.
			if !startsWithDigit(src[value.Start:value.End]) {
				return nil, false
			}
			df.ParseErr = err
		}
		return df, true
	}
	value := trimSpan(src, line)
	d, err := dates.Parse(string(src[value.Start:value.End]), dates.OrderUnknown)
	if err != nil {
		return nil, false
	}
	return &document.DateField{Source: document.DateLine, Span: value, Raw: string(src[value.Start:value.End]), Parsed: d}, true
}

func startsWithDigit(b []byte) bool { return len(b) > 0 && b[0] >= '0' && b[0] <= '9' }

// parseDateValue parses the date in span, cutting trailing extras such as
// "  Views: 120" or "| Source: ..." when the whole does not parse.
func parseDateValue(src []byte, sp *document.Span) (dates.Date, error) {
	text := string(src[sp.Start:sp.End])
	d, err := dates.Parse(text, dates.OrderUnknown)
	if err == nil {
		return d, nil
	}
	for _, cut := range []string{"  ", "\t", "|", "　", " by ", " By ", " Source", " Author", " Views", " 来源", " 作者", " 浏览"} {
		if i := strings.Index(text, cut); i > 0 {
			if d2, err2 := dates.Parse(text[:i], dates.OrderUnknown); err2 == nil {
				*sp = trimSpan(src, document.Span{Start: sp.Start, End: sp.Start + i})
				return d2, nil
			}
		}
	}
	return d, err
}

type navLabel struct {
	text string
	dir  document.NavDir
}

var navLabels = []navLabel{
	{"[next]", document.NavNext}, {"[previous]", document.NavPrev}, {"[prev]", document.NavPrev}, {"next article", document.NavNext},
	{"previous article", document.NavPrev}, {"next", document.NavNext}, {"previous", document.NavPrev}, {"prev", document.NavPrev},
	{"上一篇", document.NavPrev}, {"下一篇", document.NavNext}, {"上一条", document.NavPrev}, {"下一条", document.NavNext},
}

// navLine recognises "[next]:Title", "Previous: Title", "上一篇：Title".
func navLine(src []byte, line document.Span) (document.NavLink, bool) {
	text := src[line.Start:line.End]
	for _, nl := range navLabels {
		if !document.HasPrefixFold(text, nl.text) {
			continue
		}
		k := len(nl.text)
		bracket := nl.text[0] == '['
		switch {
		case k < len(text) && text[k] == ':':
			k++
		case bytes.HasPrefix(text[k:], []byte("：")):
			k += len("：")
		case bracket:
		default:
			continue
		}
		ts := skipSpace(src, line.Start+k, line.End)
		target := trimSpan(src, document.Span{Start: ts, End: line.End})
		if target.Start >= target.End && !bracket {
			return document.NavLink{}, false
		}
		t := string(src[target.Start:target.End])
		return document.NavLink{Dir: nl.dir, Label: string(src[line.Start : line.Start+len(nl.text)]), Target: t, IsPath: looksLikePath(t), Span: target}, true
	}
	return document.NavLink{}, false
}

func looksLikePath(t string) bool {
	return strings.HasPrefix(t, "/") || strings.HasPrefix(t, "./") || strings.HasPrefix(t, "../") ||
		strings.HasSuffix(t, ".md") || strings.HasSuffix(t, ".txt") || strings.HasSuffix(t, ".html")
}
