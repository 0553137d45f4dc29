package styles

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// The words a $title heading keeps in lower case, as Vale's title-case
// converter has them: AP lowers articles, conjunctions and prepositions of
// up to three letters; Chicago lowers every preposition too, whatever its
// length. Either capitalises the first and the last word.
var (
	titleSmall = wordSet("a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor",
		"of", "on", "or", "per", "the", "to", "vs", "vs.", "via", "v", "v.")
	chicagoPrepositions = wordSet("with", "from", "into", "during", "including", "until", "against", "among",
		"throughout", "despite", "towards", "upon", "concerning", "about", "over",
		"through", "before", "between", "after", "since", "without", "under",
		"within", "along", "following", "across", "beyond", "around", "down",
		"near", "above")
)

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// titleWord and caseWord split text into words: the title converter at
// hyphens and slashes too, the comparison at white space only.
var (
	titleWord = regexp.MustCompile(`[\p{N}\p{L}]+[^\s\-/]*`)
	caseWord  = `[\p{N}\p{L}*]+[^\s]*`
	numbered  = regexp.MustCompile(`\d+\.`)
)

// typography maps the characters the title converter reads as ASCII when
// it looks at a word's neighbours; each keeps its position by mapping
// runes, not bytes, as the converter does.
var typography = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "\u2013", "-", "\u2014", "-", "\u2026", "...")

// caser converts a heading to the case a capitalization rule wants, the
// way Vale's converters do, so that the same headings pass.
type caser struct {
	vocab      []vocabTerm // exceptions, longest first
	prefix     *regexp.Regexp
	chicago    bool
	indicators []string
}

// vocabTerm is an exception as the converters read it: a word equal to it
// but for case takes its spelling; a word it matches inside (a plain term
// by substring, a pattern by regexp) is kept as written.
type vocabTerm struct {
	text  string
	plain bool
	re    *pattern
}

func (cv *caser) inVocab(w string) (string, bool) {
	for _, v := range cv.vocab {
		if strings.EqualFold(v.text, w) {
			return v.text, true
		}
		if v.plain && strings.Contains(w, v.text) || v.re != nil && v.re.match(w) {
			return w, true
		}
	}
	return "", false
}

// cutPrefix takes off the part of s the rule's prefix matches.
func (cv *caser) cutPrefix(s string) (string, string) {
	if cv.prefix == nil {
		return "", s
	}
	p := cv.prefix.FindString(s)
	if p == "" {
		return "", s
	}
	return p, strings.TrimPrefix(s, p)
}

func byteAt(s string, i int) byte {
	if i >= 0 && i < len(s) {
		return s[i]
	}
	return 0
}

// title returns s in title case. A small word stays lower case only
// inside the title, after a space, hyphen or slash, and not right after a
// colon or a hyphenated word.
func (cv *caser) title(s string) string {
	pre, s := cv.cutPrefix(s)
	t := typography.Replace(s)
	end := len(t)
	idx := 0
	var b strings.Builder
	b.WriteString(pre)
	last := 0
	for _, loc := range titleWord.FindAllStringIndex(s, -1) {
		m := s[loc[0]:loc[1]]
		b.WriteString(s[last:loc[0]])
		last = loc[1]
		lower := strings.ToLower(m)
		// t is s with typography made ASCII, so shorter: positions are
		// looked up in it as Vale does, kept inside it.
		idx = min(idx, len(t))
		pos := strings.Index(t[idx:], m) + idx
		prev := byteAt(t, pos-1)
		n := utf8.RuneCountInString(m)
		idx = pos + n
		small := titleSmall[lower] || cv.chicago && chicagoPrepositions[lower]
		bounding := pos == 0 || idx == end
		switch v, ok := cv.inVocab(m); {
		case ok:
			b.WriteString(v)
		case small && !bounding && (prev == ' ' || prev == '-' || prev == '/') &&
			byteAt(t, pos-2) != ':' && byteAt(t, pos-2) != '-' &&
			(byteAt(t, pos+n) != '-' || byteAt(t, pos-1) == '-'):
			b.WriteString(lower)
		default:
			b.WriteString(capFirst(m))
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// sentence returns s in sentence case: the first word and any after an
// indicator (or a list number) capitalised, the rest lower case, terms
// of the vocabulary as the vocabulary spells them. Words are joined by
// single spaces, as Vale's converter joins them.
func (cv *caser) sentence(s string, words *pattern) string {
	pre, s := cv.cutPrefix(s)
	var toksA [32]string
	toks := toksA[:0]
	_ = words.findAll([]byte(s), func(a, b int) { toks = append(toks, s[a:b]) })
	made := make([]string, len(toks))
	for i, w := range toks {
		switch v, ok := cv.inVocab(w); {
		case ok:
			made[i] = v
		case i == 0 || i > 0 && cv.indicator(toks[i-1], i-1):
			made[i] = capFirst(strings.ToLower(w))
		default:
			made[i] = strings.ToLower(w)
		}
	}
	return pre + strings.Join(made, " ")
}

func (cv *caser) indicator(w string, i int) bool {
	for _, ind := range cv.indicators {
		if strings.HasSuffix(w, ind) {
			return true
		}
	}
	return i == 0 && numbered.MatchString(w)
}

func (c *crule) compileCapitalization() error {
	d := c.d
	threshold := d.Threshold
	if threshold == 0 {
		threshold = 0.8
	}
	cv := &caser{chicago: d.Style == "Chicago", indicators: d.Indicators}
	terms := c.vocabExceptions()
	sorted := append([]string(nil), terms...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	for _, t := range sorted {
		v := vocabTerm{text: t, plain: regexp.QuoteMeta(t) == t}
		if !v.plain {
			p, err := compile(t)
			if err != nil {
				return fmt.Errorf("exceptions: %w", err)
			}
			v.re = p
		}
		cv.vocab = append(cv.vocab, v)
	}
	if d.Prefix != "" {
		p, err := regexp.Compile(d.Prefix)
		if err != nil {
			return fmt.Errorf("prefix: %w", err)
		}
		cv.prefix = p
	}
	// The words compared: an exception as one word, else a run up to white
	// space.
	words := caseWord
	if c.except != nil {
		words = c.except.expr + "|" + caseWord
	}
	wre, err := compile(words)
	if err != nil {
		return fmt.Errorf("exceptions: %w", err)
	}
	var convWords *pattern // the sentence converter's own split, vocabulary first
	if d.Match == "$sentence" {
		cw := caseWord
		if len(sorted) > 0 {
			cw = `\b(?:` + strings.Join(sorted, "|") + `)\b|` + caseWord
		}
		if convWords, err = compile(`(?i)` + cw); err != nil {
			return fmt.Errorf("exceptions: %w", err)
		}
	}
	c.capCheck = func(s string) (string, bool) {
		var expected string
		switch d.Match {
		case "$title":
			expected = cv.title(s)
		case "$sentence":
			expected = cv.sentence(s, convWords)
		}
		return expected, compareCase(s, expected, wre, c.except, d.Match == "$title" && !cv.chicago, d.Match == "$sentence", threshold)
	}
	switch d.Match {
	case "$title", "$sentence":
	case "$lower":
		c.capCheck = func(s string) (string, bool) {
			return strings.ToLower(s), s == strings.ToLower(s) || c.except != nil && c.except.match(s)
		}
	case "$upper":
		c.capCheck = func(s string) (string, bool) {
			return strings.ToUpper(s), s == strings.ToUpper(s) || c.except != nil && c.except.match(s)
		}
	default:
		p, err := compile(d.Match)
		if err != nil {
			return err
		}
		c.capCheck = func(s string) (string, bool) { return "", p.match(s) || c.except != nil && c.except.match(s) }
	}
	return nil
}

// compareCase compares the words of s with those of the expected form, as
// Vale does: s passes when at least threshold of its words agree, where a
// word agrees if it is the expected one, an exception, or (in a title) in
// all capitals. A sentence-case heading whose first word is not
// capitalised fails outright. AP capitalises "to" in an infinitive and not
// as a preposition, which needs a part-of-speech tagger to tell apart: in
// an AP title "to" passes either way.
func compareCase(s, expected string, words, except *pattern, apTitle, sentenceCase bool, threshold float64) bool {
	var gotA, wantA [32][2]int // a heading's words, mostly on the stack
	got, want := gotA[:0], wantA[:0]
	_ = words.findAll([]byte(s), func(a, b int) { got = append(got, [2]int{a, b}) })
	_ = words.findAll([]byte(expected), func(a, b int) { want = append(want, [2]int{a, b}) })
	var spans [][2]int // exceptions, found once in the whole heading
	if except != nil {
		_ = except.findAll([]byte(s), func(a, b int) { spans = append(spans, [2]int{a, b}) })
	}
	count, k := 0.0, 0
	for i, g := range got {
		w := s[g[0]:g[1]]
		for k < len(spans) && spans[k][1] <= g[0] {
			k++
		}
		isExcept := false
		for j := k; j < len(spans) && spans[j][0] < g[1]; j++ {
			if spans[j][0] >= g[0] && spans[j][1] <= g[1] {
				isExcept = true
				break
			}
		}
		switch {
		case i >= len(want) || w == expected[want[i][0]:want[i][1]] || isExcept:
			count++
		case apTitle && strings.EqualFold(w, "to"):
			count++
		case !sentenceCase && w == strings.ToUpper(w):
			count++
		case sentenceCase && i == 0 && w != titleEach(strings.ToLower(w)):
			return false
		}
	}
	// No words at all fails, as Vale's 0/0 does.
	return len(got) > 0 && count/float64(len(got)) >= threshold
}

// titleEach capitalises the first letter of each word, a word starting
// after any character that is not a letter, digit or underscore (so
// "don't" gives "Don'T"), as Go's old strings.Title did and Vale still uses.
func titleEach(s string) string {
	prev := ' '
	var b strings.Builder
	for _, r := range s {
		if isSeparator(prev) {
			b.WriteRune(unicode.ToTitle(r))
		} else {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

func isSeparator(r rune) bool {
	if r <= 0x7F {
		switch {
		case '0' <= r && r <= '9', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', r == '_':
			return false
		}
		return true
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return unicode.IsSpace(r)
}

func capFirst(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError {
		return w
	}
	return string(unicode.ToTitle(r)) + w[n:]
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
