package styles

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/copydesk/copydesk/styles/matcher"
	"github.com/dlclark/regexp2"
)

// matchTimeout bounds one regexp2 search: a pattern that backtracks
// catastrophically on some block costs that block this long, once.
const matchTimeout = 200 * time.Millisecond

// errTimeout is returned when a backtracking pattern ran out of time.
var errTimeout = errors.New("pattern took too long")

// pattern is a compiled regular expression: Go's regexp where it compiles
// (linear time), regexp2 only for what Go's syntax lacks (lookarounds,
// backreferences, possessive groups).
type pattern struct {
	expr string
	re   *regexp.Regexp
	re2  *regexp2.Regexp
	runs *matcher.Runs // a repeated character class, matched without an engine

	// anch, when set, is the pattern anchored at the start: every match
	// starts with one of prefix, after the zero-width assertions lead, so
	// it is tried only where the automaton found one.
	anch   *regexp.Regexp
	lead   []syntax.Op
	prefix []string
}

func compile(expr string) (*pattern, error) {
	re, err := regexp.Compile(expr)
	if err == nil {
		return &pattern{expr: expr, re: re, runs: matcher.RunsOf(expr)}, nil
	}
	re2, err2 := regexp2.Compile(expr, regexp2.RE2)
	if err2 != nil {
		return nil, fmt.Errorf("neither Go's regexp nor regexp2 compiles %q: %w", expr, firstErr(err, err2))
	}
	re2.MatchTimeout = matchTimeout
	return &pattern{expr: expr, re2: re2}, nil
}

func firstErr(a, b error) error {
	// Go's message names the construct ("invalid or unsupported Perl
	// syntax: `(?<`"); regexp2's is about the same spot, so one is enough
	// unless Go's is only about a feature regexp2 has.
	if strings.Contains(a.Error(), "unsupported") {
		return b
	}
	return a
}

// findAll calls fn with the byte span of each non-overlapping match.
func (p *pattern) findAll(text []byte, fn func(start, end int)) error {
	if p.runs != nil {
		p.runs.FindAll(text, fn)
		return nil
	}
	if p.re != nil {
		for _, m := range p.re.FindAllIndex(text, -1) {
			fn(m[0], m[1])
		}
		return nil
	}
	s := string(text)
	m, err := p.re2.FindStringMatch(s)
	var runeToByte []int
	for m != nil && err == nil {
		start, end := m.Index, m.Index+m.Length
		if runeToByte == nil && !isASCII(text) {
			runeToByte = make([]int, 0, len(text)+1)
			for i := range s {
				runeToByte = append(runeToByte, i)
			}
			runeToByte = append(runeToByte, len(s))
		}
		if runeToByte != nil {
			start, end = runeToByte[start], runeToByte[end]
		}
		fn(start, end)
		m, err = p.re2.FindNextMatch(m)
	}
	if err != nil {
		return errTimeout
	}
	return nil
}

// match reports whether the pattern matches anywhere in s.
func (p *pattern) match(s string) bool {
	if p.re != nil {
		return p.re.MatchString(s)
	}
	ok, _ := p.re2.MatchString(s)
	return ok
}

// submatches returns the capture groups of each match.
func (p *pattern) submatches(text []byte) [][]string {
	if p.re != nil {
		var out [][]string
		for _, m := range p.re.FindAllSubmatch(text, -1) {
			g := make([]string, len(m))
			for i := range m {
				g[i] = string(m[i])
			}
			out = append(out, g)
		}
		return out
	}
	var out [][]string
	m, err := p.re2.FindStringMatch(string(text))
	for m != nil && err == nil {
		groups := m.Groups()
		g := make([]string, len(groups))
		for i := range groups {
			g[i] = groups[i].String()
		}
		out = append(out, g)
		m, err = p.re2.FindNextMatch(m)
	}
	return out
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// plainWord reports whether a token is a word list entry rather than a
// pattern: nothing in it means anything to a regular expression.
func plainWord(s string) bool {
	if s == "" || strings.TrimSpace(s) != s {
		return false
	}
	return !strings.ContainsAny(s, `\.+*?()|[]{}^$`)
}

// anchor sets the pattern up to be tried only at its prefix literals,
// when every match starts with one of at least two bytes.
func (p *pattern) anchor() bool {
	if p.re == nil || p.runs != nil {
		return false
	}
	lits, lead, ok := matcher.Prefix(p.expr)
	if !ok {
		return false
	}
	// The anchored pattern runs on the text from the literal on, where \B
	// can never hold at the start and \b holds only before a word byte;
	// matchAt checks the lead in the whole text instead.
	wordLead := false
	for _, op := range lead {
		switch op {
		case syntax.OpNoWordBoundary:
			return false
		case syntax.OpWordBoundary:
			wordLead = true
		}
	}
	for _, l := range lits {
		if len(l) < 2 || wordLead && !isWordByte(l[0]) {
			return false
		}
	}
	anch, err := regexp.Compile(`^(?:` + p.expr + `)`)
	if err != nil {
		return false
	}
	p.anch, p.lead, p.prefix = anch, lead, lits
	return true
}

// matchAt returns the end of the match starting at start, or -1.
func (p *pattern) matchAt(text []byte, start int) int {
	for _, op := range p.lead {
		before := start > 0 && isWordByte(text[start-1])
		after := start < len(text) && isWordByte(text[start])
		switch op {
		case syntax.OpWordBoundary:
			if before == after {
				return -1
			}
		case syntax.OpNoWordBoundary:
			if before != after {
				return -1
			}
		case syntax.OpBeginLine:
			if start > 0 && text[start-1] != '\n' {
				return -1
			}
		case syntax.OpBeginText:
			if start > 0 {
				return -1
			}
		}
	}
	m := p.anch.FindIndex(text[start:])
	if m == nil || m[1] == 0 {
		return -1
	}
	return start + m[1]
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// literalsFor returns the automaton literals of a pattern, or ok=false when
// it must run on every unit in scope.
func literalsFor(expr string) ([]string, bool) { return matcher.Required(expr) }
