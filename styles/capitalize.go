package styles

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// smallWords stay lower case inside a title ($title), as the AP and
// Chicago styles have it.
var smallWords = map[string]bool{
	"a": true, "an": true, "and": true, "as": true, "at": true, "but": true, "by": true, "en": true, "for": true,
	"if": true, "in": true, "nor": true, "of": true, "on": true, "or": true, "per": true, "the": true, "to": true,
	"v.": true, "vs.": true, "via": true, "with": true, "from": true, "into": true, "up": true, "so": true, "yet": true,
}

func (c *crule) compileCapitalization() error {
	d := c.d
	threshold := d.Threshold
	if threshold == 0 {
		threshold = 0.8
	}
	words := `[\p{N}\p{L}*]+[^\s]*`
	if len(d.Exceptions) > 0 {
		words = `\b(?:` + strings.Join(d.Exceptions, "|") + `)\b|` + words
	}
	wre, err := regexp.Compile(words)
	if err != nil {
		return fmt.Errorf("exceptions: %w", err)
	}
	c.exceptWords = wre
	isExcept := func(w string) bool {
		return slices.Contains(d.Exceptions, w) || c.except != nil && c.except.match(w)
	}
	indicator := func(prev string) bool {
		for _, ind := range d.Indicators {
			if strings.HasSuffix(prev, ind) {
				return true
			}
		}
		return false
	}
	var prefix *regexp.Regexp
	if d.Prefix != "" {
		if prefix, err = regexp.Compile(d.Prefix); err != nil {
			return fmt.Errorf("prefix: %w", err)
		}
	}
	// vocab gives the form an exception sets for a word, as Vale's case
	// converter reads its vocabulary: an exception equal to the word
	// (ignoring case) gives its own spelling; one whose pattern occurs in
	// the word keeps the word as written (so the exception "I" keeps
	// "API" and "UI").
	type vocabEntry struct {
		text string
		re   *regexp.Regexp
	}
	var vocab []vocabEntry
	for _, e := range d.Exceptions {
		re, _ := regexp.Compile(e)
		vocab = append(vocab, vocabEntry{e, re})
	}
	inVocab := func(w string) (string, bool) {
		for _, v := range vocab {
			if strings.EqualFold(v.text, w) {
				return v.text, true
			}
			if v.re != nil && v.re.MatchString(w) {
				return w, true
			}
		}
		return "", false
	}
	// Words are compared with the expected form, and the text passes when
	// enough of them agree; a first word that is not capitalised fails.
	byWords := func(expect func(i int, w, prev string) string, firstMustCap bool) func(string) bool {
		return func(s string) bool {
			if prefix != nil {
				if loc := prefix.FindStringIndex(s); loc != nil && loc[0] == 0 {
					s = s[loc[1]:]
				}
			}
			// Code in a heading stands as asterisks, as Vale masks it: a
			// word that passes whatever its case.
			s = strings.ReplaceAll(s, string(placeholder), "*")
			toks := wre.FindAllString(s, -1)
			if len(toks) == 0 {
				return true
			}
			count := 0.0
			prev := ""
			for i, w := range toks {
				switch {
				case isExcept(w) || w == expect(i, w, prev):
					count++
				case i == 0 && firstMustCap && w != capFirst(strings.ToLower(w)):
					return false
				}
				prev = w
			}
			return count/float64(len(toks)) >= threshold
		}
	}
	switch d.Match {
	case "$sentence":
		c.capCheck = byWords(func(i int, w, prev string) string {
			if v, ok := inVocab(w); ok {
				return v
			}
			if i == 0 || indicator(prev) {
				return capFirst(strings.ToLower(w))
			}
			return strings.ToLower(w)
		}, true)
	case "$title":
		c.capCheck = func(s string) bool {
			n := len(c.exceptWords.FindAllString(s, -1)) // per call: rules run on many goroutines
			return byWords(func(i int, w, prev string) string {
				if v, ok := inVocab(w); ok {
					return v
				}
				if i > 0 && i < n-1 && smallWords[strings.ToLower(w)] && !indicator(prev) {
					return strings.ToLower(w)
				}
				return capFirst(w)
			}, false)(s)
		}
	case "$lower":
		c.capCheck = func(s string) bool { return s == strings.ToLower(s) || (c.except != nil && c.except.match(s)) }
	case "$upper":
		c.capCheck = func(s string) bool { return s == strings.ToUpper(s) || (c.except != nil && c.except.match(s)) }
	default:
		p, err := compile(d.Match)
		if err != nil {
			return err
		}
		c.capCheck = func(s string) bool { return p.match(s) || (c.except != nil && c.except.match(s)) }
	}
	return nil
}

func capFirst(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}

// checkExamples runs a rule on its own examples: each wrong one must be
// flagged and no right one may be. A heading rule sees them as headings.
func (s *Set) checkExamples(c *crule) error {
	if len(c.d.Wrong) == 0 && len(c.d.Right) == 0 {
		return nil
	}
	run := func(ex string) []lint.Diagnostic {
		src := ex
		if c.sc.mask&(uPara|uList|uQuote|uTCell|uTHead) == 0 && c.sc.mask&uHeading != 0 {
			src = "# " + ex
		}
		doc, err := parse.Parse("example.md", []byte(src+"\n"))
		if err != nil {
			return nil
		}
		return lint.Check(c.rule, doc, lint.Options{})
	}
	line := c.d.lines["examples"]
	for _, ex := range c.d.Wrong {
		if len(run(ex)) == 0 {
			return &loadError{c.d.file, line, fmt.Sprintf("examples.wrong: the rule does not flag %q", ex)}
		}
	}
	for _, ex := range c.d.Right {
		if ds := run(ex); len(ds) > 0 {
			return &loadError{c.d.file, line, fmt.Sprintf("examples.right: the rule flags %q (%s)", ex, ds[0].Message)}
		}
	}
	return nil
}
