package styles

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// An action is a rule's Vale action compiled into what copydesk's fix
// does with the matched text. Vale leaves actions to editors; copydesk
// applies those whose result is determined by the match alone: replace
// with one choice, remove, edit and convert. suggest (a script or a
// spelling list) and replace with several choices have no fix.
type action struct {
	name string
	op   string         // edit: regex, trim_right, trim_left, trim, truncate, split
	re   *regexp.Regexp // edit regex
	args []string
	idx  int // edit split: which part
}

// editParams is how many params each edit takes, its name included.
var editParams = map[string]int{"regex": 3, "trim_right": 2, "trim_left": 2, "trim": 2, "truncate": 2, "split": 3}

// compileAction checks an action's params where Vale would only fail when
// an editor asks for the fix.
func compileAction(d *def) (*action, error) {
	a := &action{name: d.ActionName, args: d.ActionArgs}
	switch d.ActionName {
	case "", "replace", "remove", "suggest":
	case "convert":
		if len(d.ActionArgs) != 1 || d.ActionArgs[0] != "simple" {
			return nil, fmt.Errorf("action: convert takes one param, simple")
		}
	case "edit":
		if len(d.ActionArgs) == 0 {
			return nil, fmt.Errorf("action: edit needs params: regex, trim_right, trim_left, trim, truncate or split, then its arguments")
		}
		a.op = d.ActionArgs[0]
		n, ok := editParams[a.op]
		if !ok {
			return nil, fmt.Errorf("action: unknown edit %q%s (known: regex, trim_right, trim_left, trim, truncate, split)", a.op, didYouMean(a.op, []string{"regex", "trim_right", "trim_left", "trim", "truncate", "split"}))
		}
		if len(d.ActionArgs) != n {
			return nil, fmt.Errorf("action: edit %s takes %d params after its name, got %d", a.op, n-1, len(d.ActionArgs)-1)
		}
		switch a.op {
		case "regex":
			re, err := regexp.Compile(d.ActionArgs[1])
			if err != nil {
				return nil, fmt.Errorf("action: edit regex: %w", err)
			}
			a.re = re
		case "split":
			i, err := strconv.Atoi(d.ActionArgs[2])
			if err != nil || i < 0 {
				return nil, fmt.Errorf("action: edit split: the third param is which part, a whole number, got %q", d.ActionArgs[2])
			}
			a.idx = i
		}
	default:
		return nil, fmt.Errorf("action: unknown name %q%s (known: replace, remove, edit, convert, suggest)", d.ActionName, didYouMean(d.ActionName, []string{"replace", "remove", "edit", "convert", "suggest"}))
	}
	return a, nil
}

// determinate reports whether the action gives one replacement for any
// match, so that copydesk can offer it as a fix.
func (a *action) determinate() bool {
	switch a.name {
	case "remove", "edit", "convert":
		return true
	case "replace":
		return len(a.args) == 1
	}
	return false
}

// apply returns what the action makes of the matched text, and false when
// it has none for it (a split with too few parts).
func (a *action) apply(m string) (string, bool) {
	switch a.name {
	case "remove":
		return "", true
	case "replace":
		if len(a.args) != 1 {
			return "", false
		}
		return recase(a.args[0], m), true
	case "convert":
		// Vale lowers every letter; a capital at the start of a sentence
		// stays one here, as in every copydesk fix.
		return recase(simpleCase(m), m), true
	case "edit":
		switch a.op {
		case "regex":
			m = a.re.ReplaceAllString(m, a.args[2])
		case "trim_right":
			m = strings.TrimRight(m, a.args[1])
		case "trim_left":
			m = strings.TrimLeft(m, a.args[1])
		case "trim":
			m = strings.Trim(m, a.args[1])
		case "truncate":
			m, _, _ = strings.Cut(m, a.args[1])
		case "split":
			parts := strings.Split(m, a.args[1])
			if a.idx >= len(parts) {
				return "", false
			}
			m = parts[a.idx]
		}
		return strings.TrimSpace(m), true
	}
	return "", false
}

// simpleCase is Vale's convert simple: words split at anything that is not
// a letter or digit and at a lower-to-upper change (camelCase), lower
// case, joined by single spaces.
func simpleCase(s string) string {
	var b strings.Builder
	var prev rune
	space := false
	for i, r := range s {
		alnum := unicode.IsLetter(r) || unicode.IsNumber(r)
		if !alnum || i > 1 && unicode.IsLower(prev) && unicode.IsUpper(r) {
			space = true
		}
		if alnum {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		}
		prev = r
	}
	return b.String()
}
