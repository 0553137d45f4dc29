package parse

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/copydesk/copydesk/dates"
	"github.com/copydesk/copydesk/document"
	yaml "go.yaml.in/yaml/v3"
)

// frontMatter locates a YAML (---) or TOML (+++) block at the top of a
// Markdown file: whole is the block with its fences, inner its content.
func frontMatter(src []byte, bom int) (whole, inner document.Span, delim byte, ok bool) {
	s := src[bom:]
	var fence []byte
	switch {
	case bytes.HasPrefix(s, []byte("---")):
		fence = []byte("---")
	case bytes.HasPrefix(s, []byte("+++")):
		fence = []byte("+++")
	default:
		return
	}
	first := bytes.IndexByte(s, '\n')
	if first < 0 || len(bytes.TrimRight(s[3:first], " \t\r")) != 0 {
		return
	}
	pos := first + 1
	for pos <= len(s) {
		nl := bytes.IndexByte(s[pos:], '\n')
		end := len(s)
		if nl >= 0 {
			end = pos + nl
		}
		line := bytes.TrimRight(s[pos:end], " \t\r")
		if bytes.Equal(line, fence) || (fence[0] == '-' && bytes.Equal(line, []byte("..."))) {
			wholeEnd := end
			if nl >= 0 {
				wholeEnd = end + 1
			}
			return document.Span{Start: bom, End: bom + wholeEnd}, document.Span{Start: bom + first + 1, End: bom + pos}, fence[0], true
		}
		if nl < 0 {
			break
		}
		pos = end + 1
	}
	return
}

// fmField is a front matter value with its place in the source, when known.
type fmField struct {
	value string
	span  document.Span
}

// parseFrontMatter decodes the front matter into doc.Meta and picks out the
// fields copydesk reads: title, description, date, draft, prev/next links.
func parseFrontMatter(doc *document.Document, whole, inner document.Span, delim byte) (title, desc fmField) {
	doc.Verbatim = append(doc.Verbatim, whole)
	text := doc.Src[inner.Start:inner.End]
	fields := map[string]fmField{}
	var nav []document.NavLink
	if len(text) > maxFrontMatter {
		doc.Problems = append(doc.Problems, document.Problem{Rule: "front-matter", Message: fmt.Sprintf("front matter of %d bytes: copydesk reads front matter of up to %d bytes and skipped this one", len(text), maxFrontMatter), Span: document.Span{Start: whole.Start, End: whole.Start + 3}})
		return
	}
	if delim == '+' {
		if line := tomlTooDeep(text); line > 0 {
			doc.Problems = append(doc.Problems, document.Problem{Rule: "front-matter", Span: document.Span{Start: whole.Start, End: whole.Start + 3},
				Message: fmt.Sprintf("front matter nests arrays and tables more than %d deep at line %d; copydesk reads at most %d levels", maxTOMLDepth, doc.Line(inner.Start)+line-1, maxTOMLDepth)})
			return
		}
		var meta map[string]any
		_, err := toml.Decode(string(text), &meta)
		if err != nil {
			doc.Problems = append(doc.Problems, document.Problem{Rule: "front-matter", Message: "front matter is not valid TOML: " + tomlMessage(err), Span: document.Span{Start: whole.Start, End: whole.Start + 3}})
			return
		}
		doc.Meta = meta
		tomlFieldSpans(doc.Src, inner, fields)
	} else {
		meta, empty, ok := fastYAML(doc.Src, inner, fields)
		if !ok {
			clear(fields)
			var problem string
			meta, empty, problem = decodeYAML(doc.Src, inner, fields)
			if problem != "" {
				doc.Problems = append(doc.Problems, document.Problem{Rule: "front-matter", Message: problem, Span: document.Span{Start: whole.Start, End: whole.Start + 3}})
				return
			}
		}
		if empty {
			return
		}
		doc.Meta = meta
	}
	title, desc = fields["title"], fields["description"]
	if t, ok := doc.Meta["title"].(string); ok {
		doc.Title = t
		doc.TitleSpan = title.span
	}
	if d, ok := doc.Meta["draft"].(bool); ok && d {
		doc.Draft = true
	}
	for _, key := range []string{"date", "published", "pubDate"} {
		v, ok := doc.Meta[key]
		if !ok {
			continue
		}
		raw := fields[key].value
		if raw == "" {
			raw = fmt.Sprint(v)
		}
		df := &document.DateField{Source: document.DateFrontMatter, Label: key, Raw: raw, Span: fields[key].span}
		df.Parsed, df.ParseErr = dates.Parse(raw, dates.OrderUnknown)
		doc.Date = df
		break
	}
	if delim == '+' {
		if df := tomlPathDate(doc.Meta, fields["path"]); df != nil {
			doc.Dates = append(doc.Dates, df)
		}
	}
	for _, key := range []string{"prev", "previous", "next", "pagination_prev", "pagination_next"} {
		v, ok := doc.Meta[key]
		if !ok {
			continue
		}
		dir := document.NavNext
		if strings.Contains(key, "prev") {
			dir = document.NavPrev
		}
		l := document.NavLink{Dir: dir, Label: key}
		switch v := v.(type) {
		case string:
			l.Target = v
			l.Span = fields[key].span
			l.IsPath = looksLikePath(v) || strings.HasPrefix(key, "pagination_")
		case map[string]any:
			l.Text, _ = v["text"].(string)
			l.Target, _ = v["link"].(string)
			l.Span = fields[key+".link"].span
			l.IsPath = l.Target != ""
			if l.Target == "" {
				l.Target = l.Text
			}
		default:
			continue // false or null: deliberately no link
		}
		if l.Target != "" {
			nav = append(nav, l)
		}
	}
	doc.Nav = append(doc.Nav, nav...)
	return title, desc
}

// tomlPathDate reads the date Zola sites such as the Rust blog keep only in
// the `path` key: path = "2014/12/12/1.0-Timeline".
func tomlPathDate(meta map[string]any, f fmField) *document.DateField {
	p, ok := meta["path"].(string)
	if !ok {
		return nil
	}
	// The date is three segments anywhere in the path:
	// "inside-rust/2020/07/27/1.45.1-prerelease" has it after a prefix.
	for at := 0; at+10 <= len(p); at++ {
		if at > 0 && p[at-1] != '/' {
			continue
		}
		s := p[at:]
		if s[4] != '/' || s[7] != '/' || len(s) > 10 && s[10] != '/' || !digitsAt(s, 0, 1, 2, 3, 5, 6, 8, 9) {
			continue
		}
		d, err := dates.Parse(s[:10], dates.OrderUnknown)
		if err != nil {
			return nil
		}
		df := &document.DateField{Source: document.DatePath, Label: "path", Raw: s[:10], Parsed: d}
		if f.value == p && f.span.Len() == len(p) {
			df.Span = document.Span{Start: f.span.Start + at, End: f.span.Start + at + 10}
		}
		return df
	}
	return nil
}

func digitsAt(s string, idx ...int) bool {
	for _, i := range idx {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func tomlMessage(err error) string {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("line %d: %s", pe.Position.Line, pe.Message)
	}
	return err.Error()
}

func lineStarts(text []byte) []int {
	ls := []int{0}
	for i, c := range text {
		if c == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

// yamlScalarSpan finds a scalar's bytes from the node's line and column,
// and only when the raw text is the value itself (no escapes or folding),
// so that edits and prose ranges are exact.
func yamlScalarSpan(src []byte, base int, lines []int, n *yaml.Node) document.Span {
	if n.Line < 1 || n.Line > len(lines) || n.Value == "" {
		return document.Span{}
	}
	off := base + lines[n.Line-1]
	// yaml columns count characters
	for c := 1; c < n.Column && off < len(src); c++ {
		_, w := utf8.DecodeRune(src[off:])
		off += w
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		off++
	}
	end := off + len(n.Value)
	if end > len(src) || string(src[off:end]) != n.Value {
		return document.Span{}
	}
	return document.Span{Start: off, End: end}
}

// tomlFieldSpans finds top-level `key = "value"` lines; the TOML decoder
// gives no positions, and the fields copydesk edits are simple strings.
func tomlFieldSpans(src []byte, inner document.Span, fields map[string]fmField) {
	pos := inner.Start
	for pos < inner.End {
		end := bytes.IndexByte(src[pos:inner.End], '\n')
		if end < 0 {
			end = inner.End
		} else {
			end += pos
		}
		line := src[pos:end]
		trimmed := bytes.TrimSpace(line)
		if len(trimmed) > 0 && trimmed[0] == '[' {
			return // a table starts; only top-level keys are read
		}
		if eq := bytes.IndexByte(line, '='); eq > 0 {
			key := string(bytes.TrimSpace(line[:eq]))
			vs := pos + eq + 1
			for vs < end && (src[vs] == ' ' || src[vs] == '\t') {
				vs++
			}
			if vs < end && (src[vs] == '"' || src[vs] == '\'') {
				q := src[vs]
				if ve := bytes.IndexByte(src[vs+1:end], q); ve >= 0 && !bytes.ContainsRune(src[vs+1:vs+1+ve], '\\') {
					fields[key] = fmField{value: string(src[vs+1 : vs+1+ve]), span: document.Span{Start: vs + 1, End: vs + 1 + ve}}
				}
			} else if vs < end {
				v := bytes.TrimSpace(src[vs:end])
				fields[key] = fmField{value: string(v), span: document.Span{Start: vs, End: vs + len(v)}}
			}
		}
		pos = end + 1
	}
}

// decodeYAML reads YAML front matter with the full decoder: the fields
// copydesk edits get their spans, the rest becomes plain Go values. empty
// is a front matter with no content; problem says why it cannot be read.
func decodeYAML(src []byte, inner document.Span, fields map[string]fmField) (meta map[string]any, empty bool, problem string) {
	text := src[inner.Start:inner.End]
	var root yaml.Node
	if err := yaml.Unmarshal(text, &root); err != nil {
		return nil, false, "front matter is not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")
	}
	if len(root.Content) == 0 {
		return nil, true, ""
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, false, "front matter must be a mapping of keys to values"
	}
	if problem := YAMLBounds(&root); problem != "" {
		return nil, false, "front matter " + problem
	}
	meta, _ = yamlValue(m, 0).(map[string]any)
	lines := lineStarts(text)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind == yaml.ScalarNode {
			fields[k.Value] = fmField{value: v.Value, span: yamlScalarSpan(src, inner.Start, lines, v)}
		}
		if v.Kind == yaml.MappingNode {
			// {text, link} objects: remember the link's position.
			for j := 0; j+1 < len(v.Content); j += 2 {
				if v.Content[j].Value == "link" && v.Content[j+1].Kind == yaml.ScalarNode {
					fields[k.Value+".link"] = fmField{value: v.Content[j+1].Value, span: yamlScalarSpan(src, inner.Start, lines, v.Content[j+1])}
				}
			}
		}
	}
	return meta, false, ""
}

// Bounds on what front matter may make copydesk build: a page of a few
// hundred bytes of YAML aliases expands to billions of values, and TOML
// inline tables nested thousands deep make the decoder's work and memory
// grow without bound.
const (
	maxFrontMatter = 1 << 20 // bytes of front matter text
	maxYAMLAliases = 1000    // alias nodes in one document
	maxYAMLValues  = 100_000 // values once aliases are expanded
	maxTOMLDepth   = 64      // nested arrays and inline tables
)

// YAMLBounds checks a parsed YAML document before anything expands its
// aliases: at most maxYAMLAliases aliases and maxYAMLValues values once
// they are expanded. It returns what is wrong, worded to follow "front
// matter" or a file name, or "".
func YAMLBounds(root *yaml.Node) string {
	aliases := 0
	sizes := map[*yaml.Node]int{}
	var size func(n *yaml.Node, depth int) int
	size = func(n *yaml.Node, depth int) int {
		if n == nil {
			return 0
		}
		if s, ok := sizes[n]; ok {
			return s
		}
		if depth > 256 {
			return maxYAMLValues + 1
		}
		sizes[n] = maxYAMLValues + 1 // an alias to a node being sized is a cycle
		s := 1
		if n.Kind == yaml.AliasNode {
			aliases++
			s = size(n.Alias, depth+1)
		}
		for _, c := range n.Content {
			s += size(c, depth+1)
			if s > maxYAMLValues {
				break
			}
		}
		s = min(s, maxYAMLValues+1)
		sizes[n] = s
		return s
	}
	total := size(root, 0)
	switch {
	case aliases > maxYAMLAliases:
		return fmt.Sprintf("has more than %d aliases (*name); copydesk reads at most %d", maxYAMLAliases, maxYAMLAliases)
	case total > maxYAMLValues:
		return fmt.Sprintf("expands its aliases (*name) to more than %d values; copydesk reads at most %d", maxYAMLValues, maxYAMLValues)
	}
	return ""
}

// tomlTooDeep checks TOML text before it reaches the decoder: arrays and
// inline tables nested at most maxTOMLDepth deep. Brackets inside strings
// and comments do not count. It returns the line (from 1) where the text
// goes deeper, or 0.
func tomlTooDeep(text []byte) int {
	depth, line := 0, 1
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '\n':
			line++
		case '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
			i--
		case '"', '\'':
			var n int
			i, n = skipTOMLString(text, i)
			line += n
		case '[', '{':
			depth++
			if depth > maxTOMLDepth {
				return line
			}
		case ']', '}':
			depth = max(0, depth-1)
		}
	}
	return 0
}

// skipTOMLString returns the offset of the last byte of the string that
// starts at text[i] (basic or literal, one line or multi-line) and the
// line breaks inside it.
func skipTOMLString(text []byte, i int) (end, lines int) {
	c := text[i]
	multi := i+2 < len(text) && text[i+1] == c && text[i+2] == c
	if multi {
		i += 3
	} else {
		i++
	}
	for ; i < len(text); i++ {
		switch {
		case text[i] == '\\' && c == '"':
			i++
			if i < len(text) && text[i] == '\n' {
				lines++
			}
		case text[i] == '\n':
			lines++
			if !multi {
				return i, lines // an unclosed string: the decoder says so
			}
		case text[i] == c && !multi:
			return i, lines
		case text[i] == c && i+2 < len(text) && text[i+1] == c && text[i+2] == c:
			return i + 2, lines
		}
	}
	return len(text), lines
}

// yamlValue converts a parsed YAML node to plain Go values (maps, slices,
// strings, bools, numbers) without a second decoding pass: front matter is
// read for every Markdown file, and decoding it twice cost more than the
// rest of the front matter handling.
func yamlValue(n *yaml.Node, depth int) any {
	if n == nil || depth > 64 {
		return nil
	}
	switch n.Kind {
	case yaml.AliasNode:
		return yamlValue(n.Alias, depth+1)
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return yamlValue(n.Content[0], depth+1)
		}
		return nil
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = yamlValue(n.Content[i+1], depth+1)
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			s = append(s, yamlValue(c, depth+1))
		}
		return s
	}
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err != nil {
			return n.Value
		}
		return b
	case "!!int":
		if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
			return int(i)
		}
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return f
		}
	}
	return n.Value
}
