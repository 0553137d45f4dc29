package parse

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
)

// fastYAML reads the plain subset of YAML that nearly all front matter is
// written in, several times faster than the full decoder, which was a
// quarter of the cost of parsing a Markdown article:
//
//	title: A plain or "quoted" value
//	tags: [one, two]
//	authors:
//	  - Ana Ruiz
//	prev:
//	  text: Earlier news
//	  link: /news/earlier
//
// It gives exactly what decodeYAML would give, and answers ok=false for
// anything else (block scalars, anchors, escapes, nesting, numbers other
// than plain integers, duplicate keys, errors), which the caller then hands
// to the full decoder. FuzzFastYAML holds the two to the same result.
func fastYAML(src []byte, inner document.Span, fields map[string]fmField) (meta map[string]any, empty bool, ok bool) {
	if !yamlSimpleText(src[inner.Start:inner.End]) {
		return nil, false, false
	}
	// The key whose value is on the lines below it, and what it became.
	var (
		openKey    string
		open       bool
		openIndent int // indentation of its entries; -1 until the first
		openList   []any
		openMap    map[string]any
	)
	closeOpen := func() {
		if !open {
			return
		}
		switch {
		case openList != nil:
			meta[openKey] = openList
		case openMap != nil:
			meta[openKey] = openMap
		default:
			meta[openKey] = nil // "key:" alone is null
			fields[openKey] = fmField{}
		}
		open, openList, openMap = false, nil, nil
	}
	for pos := inner.Start; pos < inner.End; {
		ls := pos
		le := ls
		for le < inner.End && src[le] != '\n' {
			le++
		}
		pos = le + 1
		if le > ls && src[le-1] == '\r' {
			le--
		}
		for le > ls && src[le-1] == ' ' {
			le--
		}
		indent := 0
		for ls+indent < le && src[ls+indent] == ' ' {
			indent++
		}
		if ls+indent == le || src[ls+indent] == '#' {
			continue // blank line or comment
		}
		if meta == nil {
			meta = map[string]any{}
		}
		item := src[ls+indent] == '-' && (ls+indent+1 == le || src[ls+indent+1] == ' ')
		if indent == 0 && (!item || !open) {
			closeOpen()
			key, vs, ok := yamlKey(src, ls, le)
			if !ok {
				return nil, false, false
			}
			if _, dup := meta[key]; dup {
				return nil, false, false // the full decoder reports it
			}
			if vs == le {
				openKey, open, openIndent = key, true, -1
				meta[key] = nil // reserves the key against duplicates
				continue
			}
			if src[vs] == '[' {
				list, ok := yamlFlowList(src, vs, le)
				if !ok {
					return nil, false, false
				}
				meta[key] = list
				continue
			}
			v, sp, ok := yamlScalar(src, vs, le)
			if !ok {
				return nil, false, false
			}
			meta[key] = v
			fields[key] = fmField{value: string(src[sp.Start:sp.End]), span: sp}
			if sp.Start == sp.End {
				fields[key] = fmField{}
			}
			continue
		}
		// An entry of the open key: a list item or a key of a nested map,
		// all at one indentation.
		if !open || openIndent >= 0 && indent != openIndent {
			return nil, false, false
		}
		openIndent = indent
		if item {
			if openMap != nil || ls+indent+1 == le {
				return nil, false, false
			}
			vs := ls + indent + 2
			for vs < le && src[vs] == ' ' {
				vs++
			}
			v, _, ok := yamlScalar(src, vs, le)
			if !ok {
				return nil, false, false
			}
			openList = append(openList, v)
			continue
		}
		if openList != nil || indent == 0 {
			return nil, false, false
		}
		key, vs, ok := yamlKey(src, ls+indent, le)
		if !ok || vs == le {
			return nil, false, false
		}
		v, sp, ok := yamlScalar(src, vs, le)
		if !ok {
			return nil, false, false
		}
		if openMap == nil {
			openMap = map[string]any{}
		}
		if _, dup := openMap[key]; dup {
			return nil, false, false
		}
		openMap[key] = v
		if key == "link" {
			f := fmField{value: string(src[sp.Start:sp.End]), span: sp}
			if sp.Start == sp.End {
				f = fmField{}
			}
			fields[openKey+".link"] = f
		}
	}
	closeOpen()
	if meta == nil {
		return nil, true, true
	}
	return meta, false, true
}

// yamlSimpleText: no tabs, no line breaks other than \n and \r\n, and only
// characters YAML allows unescaped; anything else goes to the full decoder.
func yamlSimpleText(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' && c != '\r' || c == 0x7f || c == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
				return false
			}
			i++
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && w == 1, r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF,
			r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
			return false
		}
		i += w
	}
	return true
}

// yamlKey reads "key:" at i, a bare key of letters, digits and _ . -, and
// returns the key and where its value starts (le when it has none).
func yamlKey(src []byte, i, le int) (string, int, bool) {
	s := i
	for i < le && i-s < 128 {
		c := src[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > s && (c >= '0' && c <= '9' || c == '-' || c == '.') {
			i++
			continue
		}
		break
	}
	if i == s || i == le || src[i] != ':' || i+1 < le && src[i+1] != ' ' {
		return "", 0, false
	}
	key := string(src[s:i])
	i++
	for i < le && src[i] == ' ' {
		i++
	}
	return key, i, true
}

// yamlScalar reads the value in src[i:le] (trailing spaces already cut):
// a quoted string without escapes, or a plain scalar whose type is beyond
// doubt. sp is the value's bytes; empty for an empty quoted string.
func yamlScalar(src []byte, i, le int) (v any, sp document.Span, ok bool) {
	if i >= le {
		return nil, document.Span{}, false
	}
	// ./later.md, ../news: a relative path, never a float
	relPath := src[i] == '.' && i+1 < le && (src[i+1] == '/' || src[i+1] == '.')
	switch q := src[i]; {
	case relPath:
	case q == '"' || q == '\'':
		j := i + 1
		for j < le && src[j] != q && src[j] != '\\' {
			j++
		}
		// The closing quote must end the line: an escape, a doubled quote
		// or a comment after it goes to the full decoder.
		if j != le-1 || src[j] != q {
			return nil, document.Span{}, false
		}
		if j == i+1 {
			return "", document.Span{}, true
		}
		return string(src[i+1 : j]), document.Span{Start: i + 1, End: j}, true
	case strings.IndexByte("-?:,[]{}#&*!|>%@`.<+", q) >= 0:
		return nil, document.Span{}, false // indicators, and floats or merge keys
	}
	raw := src[i:le]
	for k, c := range raw {
		if c == ':' && (k+1 == len(raw) || raw[k+1] == ' ') || c == '#' && raw[k-1] == ' ' {
			return nil, document.Span{}, false // a mapping inside a value, or a comment
		}
	}
	sp = document.Span{Start: i, End: le}
	s := string(raw)
	switch s {
	case "true", "True", "TRUE":
		return true, sp, true
	case "false", "False", "FALSE":
		return false, sp, true
	case "~", "null", "Null", "NULL":
		return nil, sp, true
	}
	if c := raw[0]; c >= '0' && c <= '9' {
		if allDigits(raw) && len(raw) <= 18 && (c != '0' || len(raw) == 1) {
			n, err := strconv.Atoi(s)
			return n, sp, err == nil
		}
		// 2025-03-14 and 2025-03-14 09:30: a timestamp or a string to
		// YAML, never a number; both are kept as text.
		if len(raw) >= 8 && allDigits(raw[:4]) && raw[4] == '-' {
			return s, sp, true
		}
		// "36 teams compete", 2018/02/slug: a byte no number can hold
		// makes it a string (or a timestamp, also kept as text).
		for _, c := range raw {
			if strings.IndexByte(numberBytes, c) < 0 {
				return s, sp, true
			}
		}
		return nil, document.Span{}, false
	}
	return s, sp, true
}

// yamlFlowList reads [a, "b", c] on one line.
func yamlFlowList(src []byte, i, le int) ([]any, bool) {
	if src[le-1] != ']' {
		return nil, false
	}
	list := []any{}
	body := i + 1
	end := le - 1
	for body < end && src[body] == ' ' {
		body++
	}
	if body == end {
		return list, true
	}
	for body <= end {
		for body < end && src[body] == ' ' {
			body++
		}
		j := body
		if q := src[j]; q == '"' || q == '\'' {
			j++
			for j < end && src[j] != q && src[j] != '\\' {
				j++
			}
			if j == end || src[j] != q {
				return nil, false
			}
			j++
		}
		for j < end && src[j] != ',' {
			switch src[j] {
			case '[', ']', '{', '}', ':', '#', '"', '\'':
				return nil, false
			}
			j++
		}
		is, ie := body, j
		for ie > is && src[ie-1] == ' ' {
			ie--
		}
		if is == ie {
			return nil, false // [a,,b] or a trailing comma
		}
		v, _, ok := yamlScalar(src, is, ie)
		if !ok {
			return nil, false
		}
		list = append(list, v)
		body = j + 1
	}
	return list, true
}

// numberBytes are the bytes of YAML's integers (0x1F, 0o17, 0b1, 1_000)
// and floats (-1.5e+3).
const numberBytes = "0123456789abcdefABCDEFxXoObB_+-.eE"

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}
