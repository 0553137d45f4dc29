// Package styles reads house styles written as data, in Vale's format (a
// folder a style, a YAML file a rule), and turns each rule into an ordinary
// *lint.Rule. All the style rules of a run share one Aho-Corasick scan of
// each document for the words their patterns must contain; a regular
// expression runs only in the blocks where those words occur.
package styles

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/lint"
	yaml "go.yaml.in/yaml/v3"
)

// def is one rule file as written. Fields follow Vale's documentation;
// fix and examples are copydesk's own, which Vale ignores.
type def struct {
	file string // as shown in messages
	id   string // Style.Rule
	line int    // of the extends key

	Extends     string
	Message     string
	Description string
	Link        string
	Level       string
	Scope       []string
	Limit       int
	ActionName  string
	ActionArgs  []string

	Tokens     []string
	Raw        []string
	Exceptions []string
	Append     bool
	IgnoreCase bool
	Nonword    bool
	Swap       []pair // in file order
	Capitalize bool
	MatchCase  bool
	Token      string
	Max, Min   int
	Alpha      bool
	Either     []pair
	First      string
	Second     string
	Match      string
	Style      string
	Indicators []string
	Threshold  float64
	Prefix     string
	Vocab      bool // take the vocabulary's accepted terms as exceptions; true unless the rule says no
	terms      bool // Vale.Terms: a swap value is the term's own spelling, a pattern

	Fix      string // safe, unsafe, none; "" for the type's default
	Wrong    []string
	Right    []string
	lines    map[string]int // field → line, for messages about values
	tokLines []int          // line of each token, swap key or either key
}

type pair struct{ key, value string }

// The rule types copydesk runs, and those it skips with a warning.
var (
	supported   = []string{"existence", "substitution", "occurrence", "repetition", "consistency", "conditional", "capitalization"}
	unsupported = []string{"spelling", "metric", "sequence", "script", "readability", "lexical"}
)

var commonFields = []string{"extends", "message", "description", "link", "level", "scope", "action", "limit", "name", "selector", "matchcase", "fix", "examples"}

var typeFields = map[string][]string{
	"existence":      {"tokens", "raw", "exceptions", "append", "ignorecase", "nonword", "vocab"},
	"substitution":   {"swap", "exceptions", "ignorecase", "nonword", "vocab", "capitalize", "pos"},
	"occurrence":     {"token", "max", "min", "ignorecase"},
	"repetition":     {"tokens", "max", "ignorecase", "alpha", "vocab", "exceptions"},
	"consistency":    {"either", "nonword", "ignorecase"},
	"conditional":    {"first", "second", "in", "exceptions", "ignorecase", "vocab"},
	"capitalization": {"match", "style", "exceptions", "indicators", "threshold", "vocab", "prefix"},
}

// loadError is a problem in one rule file, at a line.
type loadError struct {
	file string
	line int
	msg  string
}

func (e *loadError) Error() string {
	if e.line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.msg)
	}
	return fmt.Sprintf("%s: %s", e.file, e.msg)
}

// errUnsupported marks a rule of a type copydesk does not run.
type errUnsupported struct{ typ string }

func (e errUnsupported) Error() string { return "unsupported type " + e.typ }

// parseDef reads one rule file. An unsupported type returns errUnsupported.
func parseDef(file, id string, data []byte) (*def, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line := 0
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			err = fmt.Errorf("%s", te.Errors[0])
		}
		msg := err.Error()
		// yaml.v3 says "yaml: line N: ..."; the line goes in front.
		if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
			if n, tail, ok := strings.Cut(rest, ":"); ok {
				if v, err := strconv.Atoi(n); err == nil {
					line, msg = v, strings.TrimSpace(tail)
				}
			}
		}
		return nil, &loadError{file, line, "not valid YAML: " + msg}
	}
	d := &def{file: file, id: id, lines: map[string]int{}, Level: "warning", Vocab: true}
	if len(root.Content) == 0 {
		return nil, &loadError{file, 1, "empty rule file; a rule needs at least extends and message"}
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, &loadError{file, top.Line, "a rule is a mapping of fields such as extends, message, tokens"}
	}
	fields := map[string]*yaml.Node{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k := top.Content[i]
		fields[k.Value] = top.Content[i+1]
		d.lines[k.Value] = k.Line
	}
	ext, ok := fields["extends"]
	if !ok {
		return nil, &loadError{file, top.Line, "no extends field: name the rule type (" + strings.Join(supported, ", ") + ")"}
	}
	d.Extends, d.line = ext.Value, ext.Line
	for _, u := range unsupported {
		if d.Extends == u {
			return nil, errUnsupported{u}
		}
	}
	known, ok := typeFields[d.Extends]
	if !ok {
		return nil, &loadError{file, ext.Line, fmt.Sprintf("unknown rule type %q%s (known: %s)", d.Extends, didYouMean(d.Extends, append(append([]string{}, supported...), unsupported...)), strings.Join(supported, ", "))}
	}
	known = append(append([]string{}, commonFields...), known...)
	p := &fieldParser{d: d}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if !slices.Contains(known, k.Value) {
			p.errorf(k, "unknown field %q for a %s rule%s", k.Value, d.Extends, didYouMean(k.Value, known))
			continue
		}
		p.field(k.Value, v)
	}
	if p.err != nil {
		return nil, p.err
	}
	return d, nil
}

type fieldParser struct {
	d   *def
	err error
}

func (p *fieldParser) errorf(n *yaml.Node, format string, args ...any) {
	if p.err == nil {
		p.err = &loadError{p.d.file, n.Line, fmt.Sprintf(format, args...)}
	}
}

func (p *fieldParser) str(k string, v *yaml.Node) string {
	if v.Kind != yaml.ScalarNode {
		p.errorf(v, "%s: want a string", k)
		return ""
	}
	return v.Value
}

func (p *fieldParser) boolean(k string, v *yaml.Node) bool {
	var b bool
	if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
		p.errorf(v, "%s: want true or false, got %q", k, v.Value)
	}
	return b
}

func (p *fieldParser) integer(k string, v *yaml.Node) int {
	var n int
	if v.Kind != yaml.ScalarNode || v.Decode(&n) != nil || n < 0 {
		p.errorf(v, "%s: want a whole number, got %q", k, v.Value)
	}
	return n
}

func (p *fieldParser) list(k string, v *yaml.Node) ([]string, []int) {
	if v.Kind == yaml.ScalarNode {
		return []string{v.Value}, []int{v.Line}
	}
	if v.Kind != yaml.SequenceNode {
		p.errorf(v, "%s: want a list of strings", k)
		return nil, nil
	}
	out := make([]string, 0, len(v.Content))
	lines := make([]int, 0, len(v.Content))
	for _, e := range v.Content {
		if e.Kind != yaml.ScalarNode {
			p.errorf(e, "%s: want a string, got a list or mapping", k)
			continue
		}
		out = append(out, e.Value)
		lines = append(lines, e.Line)
	}
	return out, lines
}

func (p *fieldParser) pairs(k string, v *yaml.Node) ([]pair, []int) {
	if v.Kind != yaml.MappingNode {
		p.errorf(v, "%s: want a mapping from what is found to what is wanted", k)
		return nil, nil
	}
	var out []pair
	var lines []int
	for i := 0; i+1 < len(v.Content); i += 2 {
		a, b := v.Content[i], v.Content[i+1]
		if a.Kind != yaml.ScalarNode || b.Kind != yaml.ScalarNode {
			p.errorf(a, "%s: want text on both sides of each entry", k)
			continue
		}
		out = append(out, pair{a.Value, b.Value})
		lines = append(lines, a.Line)
	}
	return out, lines
}

func (p *fieldParser) field(k string, v *yaml.Node) {
	d := p.d
	switch k {
	case "extends", "name", "selector", "pos", "in":
		// pos and selector need a part-of-speech tagger.
	case "vocab":
		d.Vocab = p.boolean(k, v)
	case "message":
		d.Message = p.str(k, v)
	case "description":
		d.Description = p.str(k, v)
	case "link":
		d.Link = p.str(k, v)
	case "level":
		d.Level = p.str(k, v)
		if _, ok := levels[d.Level]; !ok {
			p.errorf(v, "level: want suggestion, warning or error, got %q%s", d.Level, didYouMean(d.Level, []string{"suggestion", "warning", "error"}))
		}
	case "scope":
		d.Scope, _ = p.list(k, v)
		for _, s := range d.Scope {
			if !knownScope(s) {
				p.errorf(v, "scope: unknown scope %q%s (known: %s)", s, didYouMean(strings.TrimPrefix(s, "~"), scopeNames), strings.Join(scopeNames, ", "))
			}
		}
	case "limit":
		d.Limit = p.integer(k, v)
	case "action":
		if v.Kind != yaml.MappingNode {
			p.errorf(v, "action: want a mapping with name and params")
			return
		}
		for i := 0; i+1 < len(v.Content); i += 2 {
			switch ak, av := v.Content[i], v.Content[i+1]; ak.Value {
			case "name":
				d.ActionName = p.str("action.name", av)
			case "params":
				d.ActionArgs, _ = p.list("action.params", av)
			default:
				p.errorf(ak, "action: unknown field %q (known: name, params)", ak.Value)
			}
		}
	case "matchcase":
		d.MatchCase = p.boolean(k, v)
	case "tokens":
		d.Tokens, d.tokLines = p.list(k, v)
	case "raw":
		d.Raw, _ = p.list(k, v)
	case "exceptions":
		d.Exceptions, _ = p.list(k, v)
	case "indicators":
		d.Indicators, _ = p.list(k, v)
	case "append":
		d.Append = p.boolean(k, v)
	case "ignorecase":
		d.IgnoreCase = p.boolean(k, v)
	case "nonword":
		d.Nonword = p.boolean(k, v)
	case "capitalize":
		d.Capitalize = p.boolean(k, v)
	case "alpha":
		d.Alpha = p.boolean(k, v)
	case "swap":
		d.Swap, d.tokLines = p.pairs(k, v)
	case "either":
		d.Either, d.tokLines = p.pairs(k, v)
	case "token":
		d.Token = p.str(k, v)
	case "max":
		d.Max = p.integer(k, v)
	case "min":
		d.Min = p.integer(k, v)
	case "first":
		d.First = p.str(k, v)
	case "second":
		d.Second = p.str(k, v)
	case "match":
		d.Match = p.str(k, v)
	case "style":
		d.Style = p.str(k, v)
	case "prefix":
		d.Prefix = p.str(k, v)
	case "threshold":
		if v.Kind != yaml.ScalarNode || v.Decode(&d.Threshold) != nil || d.Threshold < 0 || d.Threshold > 1 {
			p.errorf(v, "threshold: want a number from 0 to 1, got %q", v.Value)
		}
	case "fix":
		d.Fix = p.str(k, v)
		if d.Fix != "safe" && d.Fix != "unsafe" && d.Fix != "none" {
			p.errorf(v, "fix: want safe, unsafe or none, got %q%s", d.Fix, didYouMean(d.Fix, []string{"safe", "unsafe", "none"}))
		}
	case "examples":
		if v.Kind != yaml.MappingNode {
			p.errorf(v, "examples: want a mapping with wrong and right lists")
			return
		}
		for i := 0; i+1 < len(v.Content); i += 2 {
			switch ek, ev := v.Content[i], v.Content[i+1]; ek.Value {
			case "wrong":
				d.Wrong, _ = p.list("examples.wrong", ev)
			case "right":
				d.Right, _ = p.list("examples.right", ev)
			default:
				p.errorf(ek, "examples: unknown field %q%s (known: wrong, right)", ek.Value, didYouMean(ek.Value, []string{"wrong", "right"}))
			}
		}
	}
}

var levels = map[string]lint.Severity{
	"suggestion": lint.SeverityInfo,
	"warning":    lint.SeverityWarning,
	"error":      lint.SeverityError,
}

// didYouMean suggests the closest known name, or "".
func didYouMean(s string, known []string) string {
	best, bestD := "", 3
	sorted := append([]string(nil), known...)
	sort.Strings(sorted)
	for _, k := range sorted {
		d := config.EditDistance(strings.ToLower(s), k)
		if s != "" && strings.HasPrefix(k, strings.ToLower(s)) {
			d = 1 // "warn" for "warning"
		}
		if d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}
