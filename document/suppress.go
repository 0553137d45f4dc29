package document

import (
	"bytes"
	"strings"
)

// DirectiveKind is the kind of a suppression comment.
type DirectiveKind uint8

// Suppression comments, the markdownlint way.
const (
	DisableNextLine DirectiveKind = iota
	Disable
	Enable
	DisableFile
)

var directiveNames = [...]string{"copydesk-disable-next-line", "copydesk-disable", "copydesk-enable", "copydesk-disable-file"}

func (k DirectiveKind) String() string { return directiveNames[k] }

// A Directive is one `<!-- copydesk-... RULE -- reason -->` comment.
type Directive struct {
	Kind   DirectiveKind
	Rules  []string // empty means every rule
	Reason string
	Span   Span
}

// ParseDirectives finds suppression directives in an HTML comment or a run
// of raw HTML; comments that are not directives are ignored.
func ParseDirectives(dst []Directive, src []byte, sp Span) []Directive {
	text := src[sp.Start:sp.End]
	for {
		open := bytes.Index(text, []byte("<!--"))
		if open < 0 {
			return dst
		}
		rest := text[open+4:]
		closeAt := bytes.Index(rest, []byte("-->"))
		if closeAt < 0 {
			return dst
		}
		body := strings.TrimSpace(string(rest[:closeAt]))
		start := sp.Start + (len(src[sp.Start:sp.End]) - len(text)) + open
		end := start + 4 + closeAt + 3
		if d, ok := ParseDirective(body); ok {
			d.Span = Span{start, end}
			dst = append(dst, d)
		}
		text = rest[closeAt+3:]
	}
}

// ParseDirective reads the body of one suppression comment.
func ParseDirective(body string) (Directive, bool) {
	if !strings.HasPrefix(body, "copydesk-") {
		return Directive{}, false
	}
	var d Directive
	head, reason, _ := strings.Cut(body, " -- ")
	head = strings.TrimSuffix(head, " --")
	d.Reason = strings.TrimSpace(reason)
	fields := strings.Fields(head)
	switch fields[0] {
	case "copydesk-disable-next-line":
		d.Kind = DisableNextLine
	case "copydesk-disable":
		d.Kind = Disable
	case "copydesk-enable":
		d.Kind = Enable
	case "copydesk-disable-file":
		d.Kind = DisableFile
	default:
		return Directive{}, false
	}
	for _, f := range fields[1:] {
		for _, id := range strings.Split(f, ",") {
			if id != "" {
				d.Rules = append(d.Rules, id)
			}
		}
	}
	return d, true
}

// Covers reports whether the directive names rule (or names none, meaning all).
func (d *Directive) Covers(rule string) bool {
	if len(d.Rules) == 0 {
		return true
	}
	for _, r := range d.Rules {
		if r == rule {
			return true
		}
	}
	return false
}
