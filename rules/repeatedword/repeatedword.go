// Package repeatedword finds a word typed twice in a row ("the the"), the
// most common slip in edited copy, and removes the second one.
package repeatedword

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the repeated-word rule.
var Rule = &lint.Rule{
	ID:       "repeated-word",
	Category: lint.CategoryTypography,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixSafe,
	Doc: lint.Doc{
		Title: "A word repeated by mistake, such as \"the the\"",
		Why: "Doubled words slip past writers because the eye skips the second one; readers notice. " +
			"The check works across line breaks, no-break spaces and inline markup (the rendered text of " +
			"\"the *the* cat\" has the double), ignores case, and leaves alone the doubles that are language: " +
			"grammatical ones (\"had had\", \"that that\", \"what it is is\", \"I told you you should\", a particle " +
			"that ends a verb and a preposition that starts a phrase: \"logged in in the morning\", " +
			"\"resorted to to keep\", \"the will will show\"), interjections and sounds (\"ha ha\", \"tick tock\"), " +
			"emphatic doubles of intensifiers, core adjectives and number words (\"a long long time\", " +
			"\"ten thousand thousand\"), reduplicated loans (\"mahi mahi\"), Latin binomials (\"Rattus rattus\"), " +
			"a capitalised word after a lower-case one (a name or a mention starts: \"the name is Is\"), " +
			"elided forms (\"I i’ the\"), text in another language, numbers, single letters and words tripled " +
			"on purpose. Some doubles are reported without a safe fix, because removing a word could change " +
			"the meaning: a capitalised double (a name: \"Walla Walla\"), a double at the start of a block " +
			"written in lower case (a commit subject: \"revert revert\"), and a double with one copy emphasised. " +
			"A double quoted or italicised as an example of itself (fix \"the the\") is only a suggestion.",
		Wrong: "Both sides agreed to to open a joint laboratory.",
		Right: "Both sides agreed to open a joint laboratory.",
		Fix: "Safe: deletes the second word and the space before it; nothing else changes. Where the second " +
			"word opens a link label, the first word and the space after it go instead, so the label still " +
			"matches its definition. Unsafe for the doubles above that may be meant; none for a quoted example.",
	},
	Run: run,
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	for bi := range doc.Blocks {
		toks := doc.BlockTokens(&doc.Blocks[bi])
		prev := -1 // index of the previous word, or -1 after anything that breaks adjacency
		spaced := false
		for i, t := range toks {
			switch t.Kind() {
			case document.TokSpace, document.TokNewline:
				spaced = true
				continue
			case document.TokMarkup:
				spaced = spaced || t.Is(document.FlagHasSpace)
				continue
			case document.TokWord:
			default:
				prev, spaced = -1, false
				continue
			}
			if prev >= 0 && spaced && !t.Is(document.FlagCJK) && same(doc.Src, toks[prev], t) {
				check(pass, toks, prev, i)
			}
			prev, spaced = i, false
		}
	}
}

// inCompound: "Pre-RFC RFC", "ten ten-pound", "gophercon.in in": one of the
// words is part of a hyphenated compound, a domain or a path.
func inCompound(src []byte, w1, w2 document.Token) bool {
	if w1.Start > 0 {
		switch src[w1.Start-1] {
		case '-', '.', '/', '@':
			return true
		case '_': // snake_case, not _emphasis_
			return w1.Start > 1 && isWordChar(src[w1.Start-2])
		}
	}
	if int(w2.End()) < len(src) {
		switch src[w2.End()] {
		case '-', '/':
			return true
		case '_':
			return int(w2.End())+1 < len(src) && isWordChar(src[w2.End()+1])
		case '.':
			return int(w2.End())+1 < len(src) && prose.IsASCIILetter(src[w2.End()+1])
		}
	}
	return false
}

func isWordChar(c byte) bool { return prose.IsASCIILetter(c) || c >= '0' && c <= '9' }

// capsDiffer: "AND and", "TLS tls": an acronym beside the ordinary word.
func capsDiffer(src []byte, w1, w2 document.Token) bool {
	return allCaps(src[w1.Start:w1.End()]) != allCaps(src[w2.Start:w2.End()])
}

func allCaps(b []byte) bool {
	if len(b) < 2 {
		return false
	}
	for _, c := range b {
		if c >= 'a' && c <= 'z' {
			return false
		}
	}
	return true
}

// possessive: "his father’s father’s", a genealogy, not a slip.
func possessive(lower string) bool {
	return strings.HasSuffix(lower, "'s") || strings.HasSuffix(lower, "’s")
}

func same(src []byte, a, b document.Token) bool {
	// Lengths and first letters, folded to lower case, settle most pairs
	// before the full comparison.
	return a.End()-a.Start == b.End()-b.Start && src[a.Start]|0x20 == src[b.Start]|0x20 &&
		bytes.EqualFold(src[a.Start:a.End()], src[b.Start:b.End()])
}

// check reports toks[j] repeating toks[i] unless the double is language.
func check(pass *lint.Pass, toks []document.Token, i, j int) {
	src := pass.Doc.Src
	w1, w2 := toks[i], toks[j]
	word := string(src[w2.Start:w2.End()])
	lower := strings.ToLower(word)
	if w2.Is(document.FlagDigit) || inCompound(src, w1, w2) || capsDiffer(src, w1, w2) || possessive(lower) || elided(src, toks, j) {
		return
	}
	emphasis := j-i > 1 && emphasisBetween(src, toks, i, j)
	// A one-word link label followed by the same word (`[Date](/api/date)
	// Date utilities`) names the link's target.
	if j-i > 1 && labelThenWord(src, toks, i, j) {
		return
	}
	before, after := wordAround(toks, i, -1), wordAround(toks, j, +1)
	c := &pair{src: src, toks: toks, i: i, j: j, before: before, after: after, lower: lower}
	if c.language() {
		return
	}

	d := lint.Diagnostic{
		Start:   int(w1.Start),
		End:     int(w2.End()),
		Message: fmt.Sprintf("doubled word %q; remove the second one", word),
	}
	upper1, upper2 := w1.Is(document.FlagUpper), w2.Is(document.FlagUpper)
	switch {
	case prose.Mentioned(src, toks, i, j):
		// fix "the the": the writer quotes the slip as an example.
		d.Severity = lint.SeverityInfo
		d.Message = fmt.Sprintf("doubled word %q, quoted or emphasised; if it is not an example of the slip, remove the second one", word)
		prose.Report(pass, d)
		return
	case emphasis:
		if e, ok := emphasisRemoval(src, toks, i, j); ok {
			d.Fix = &lint.Fix{Message: fmt.Sprintf("Remove the emphasised %q with its markers", word), Applicability: lint.Unsafe, Edits: []lint.Edit{e}}
		}
		d.Message = fmt.Sprintf("doubled word %q (one copy is emphasised); remove one unless the repetition is meant", word)
		prose.Report(pass, d)
		return
	}
	app := lint.Safe
	switch {
	case upper1 && upper2 && !functionWords[lower] && !allCaps(src[w2.Start:w2.End()]):
		// Walla Walla, Go Go: a name, or a slip inside one.
		app = lint.Unsafe
		d.Message = fmt.Sprintf("doubled word %q; if it is not a name, remove the second one", word)
	case blockStart(toks, i) && !upper1:
		// "revert revert `x`": a commit subject or a changelog entry, where
		// the same verb twice may be two actions.
		app = lint.Unsafe
	}
	if e, ok := removal(src, toks, i, j); ok {
		d.Fix = &lint.Fix{Message: fmt.Sprintf("Remove the second %q", word), Applicability: app, Edits: []lint.Edit{e}}
		if e.Start == int(w1.Start) {
			d.Fix.Message = fmt.Sprintf("Remove the first %q, outside the link label", word)
		}
	}
	prose.Report(pass, d)
}

// A pair is a doubled word with what stands around it.
type pair struct {
	src           []byte
	toks          []document.Token
	i, j          int
	before, after int // indexes of the words around the pair, or -1
	lower         string
}

func (c *pair) text(k int) string {
	if k < 0 {
		return ""
	}
	return strings.ToLower(string(c.src[c.toks[k].Start:c.toks[k].End()]))
}

// language reports whether the double belongs to one of the classes of
// doubles the language makes on purpose (see classes.go).
func (c *pair) language() bool {
	src, toks, lower := c.src, c.toks, c.lower
	w1, w2 := toks[c.i], toks[c.j]
	prev, next := c.text(c.before), c.text(c.after)
	switch {
	case lower == "had" || lower == "that" || lower == "her" || lower == "do":
		return true // had had; that that; gave her her book; I do do it (emphatic do, then the verb)
	case c.before >= 0 && binomial(c, prev):
		return true // by and by by water: the first copy closes "by and by"
	case lower == "is" && whClause(src, toks, c.i):
		return true // what it is is
	case interjections[lower] || intensifiers[lower] || loans[lower]:
		return true
	case speechVerbs[prev] && !functionWords[lower]:
		return true // they said bye bye: the words reported, as spoken
	case nameWords[lower] && w1.Is(document.FlagUpper) && (!w2.Is(document.FlagUpper) || sentenceStart(src, toks, c.i)):
		return true // Will will be here; May May is my friend (but "That is May May" is a slip)
	case exclaimed(src, toks, c.j):
		return true // Wait wait! an exclamation repeats on purpose
	case (lower == "you" || lower == "it") && auxiliaries[next] && c.before >= 0 && !sentenceStart(src, toks, c.i):
		return true // I told you you should; if we get it it may be (not "It it is" opening a sentence)
	case modalNouns[lower] && determiners[prev]:
		return true // the will will show
	case adverbParticles[lower] && (pastForm(prev) || phrasalHeads[prev] || phrasalObjects[prev] && c.verbBefore(c.before)):
		return true // slipped in in safety; sign in in the book; took it in in the morning
	case !w1.Is(document.FlagUpper) && w2.Is(document.FlagUpper):
		return true // the name is Is: a name or a mention starts with the second
	case w1.Is(document.FlagUpper) && w2.Is(document.FlagUpper) && !functionWords[lower] && !nameWords[lower] && !allCaps(src[w2.Start:w2.End()]) && !blockStart(toks, c.i) && !sentenceStart(src, toks, c.i):
		return true // Walla Walla, Go Go: a name
	case w1.Is(document.FlagUpper) && !w2.Is(document.FlagUpper) && !functionWords[lower] && latin(lower):
		return true // Rattus rattus
	case !w1.Is(document.FlagUpper) && c.before >= 0 && toks[c.before].Is(document.FlagUpper) && latin(lower) && latin(prev) && !functionWords[lower]:
		return true // Homo sapiens sapiens
	}
	// Tripled words and spaced-out letters are deliberate: "no no no", "M I T".
	if c.before >= 0 && same(src, toks[c.before], w2) || c.after >= 0 && same(src, toks[c.after], w2) {
		return true
	}
	n := w2.End() - w2.Start
	if n == 1 && (c.before >= 0 && toks[c.before].End()-toks[c.before].Start == 1 || c.after >= 0 && toks[c.after].End()-toks[c.after].Start == 1) {
		return true
	}
	// Single letters other than "a" and "I" are variables, grades or
	// labels: "x x", "B B".
	if n == 1 && lower != "a" && lower != "i" {
		return true
	}
	// "hip hip hooray" is a cheer.
	if lower == "hip" && strings.HasPrefix(next, "hoor") {
		return true
	}
	return foreign(src, toks, c.i, c.j)
}

// exclaimed reports an exclamation mark right after the second copy.
func exclaimed(src []byte, toks []document.Token, j int) bool {
	return j+1 < len(toks) && toks[j+1].Kind() == document.TokPunct && toks[j+1].Start == toks[j].End() && src[toks[j+1].Start] == '!'
}

// binomial reports that the first copy ends a reduplicative binomial, the
// word twice around a conjunction or preposition ("by and by", "on and on",
// "day by day", "one to one"), so the second starts a phrase of its own.
func binomial(c *pair, prev string) bool {
	switch prev {
	case "and", "or", "by", "to", "after", "upon", "for":
	default:
		return false
	}
	k := wordAround(c.toks, c.before, -1)
	return k >= 0 && c.text(k) == c.lower
}

// sentenceStart reports whether toks[i] follows the end of a sentence.
func sentenceStart(src []byte, toks []document.Token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch toks[k].Kind() {
		case document.TokSpace, document.TokNewline, document.TokMarkup, document.TokInvisible:
			continue
		case document.TokPunct:
			switch src[toks[k].Start] {
			case '.', '!', '?', ':', '"', '\'', '(':
				return true
			}
			return bytes.HasPrefix(src[toks[k].Start:], []byte("“")) || bytes.HasPrefix(src[toks[k].Start:], []byte("‘"))
		}
		return false
	}
	return true
}

// verbBefore reports whether the word before toks[k] reads as a verb that
// takes a particle: a past form, or any word before an object pronoun that
// is not a preposition or a determiner ("log them in in").
func (c *pair) verbBefore(k int) bool {
	p := wordAround(c.toks, k, -1)
	w := c.text(p)
	return w != "" && !functionWords[w]
}

// pastForm reports a verb's past form: regular (-ed) or one of the common
// irregular ones.
func pastForm(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ed") || irregularPast[w]
}

// latin reports a word with an ending of Latin names.
func latin(w string) bool {
	if len(w) < 4 {
		return false
	}
	for _, e := range latinEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// foreign reports whether the words around the pair are not English: a
// stretch of six or more words around it with no English function word in it
// ("Il faut que vous vous retiriez"). The classes above are English's; in
// another language a double is left to a person who reads it.
func foreign(src []byte, toks []document.Token, i, j int) bool {
	if functionWords[strings.ToLower(string(src[toks[i].Start:toks[i].End()]))] {
		return false
	}
	words, english := 0, 0
	count := func(k int) {
		words++
		if functionWords[strings.ToLower(string(src[toks[k].Start:toks[k].End()]))] {
			english++
		}
	}
	for k, n := i, 0; k >= 0 && n < 6; n++ {
		if k = wordAround(toks, k, -1); k < 0 {
			break
		}
		count(k)
	}
	for k, n := j, 0; k >= 0 && n < 6; n++ {
		if k = wordAround(toks, k, +1); k < 0 {
			break
		}
		count(k)
	}
	return words >= 6 && english == 0
}

// elided reports a word followed by an apostrophe that ends it, an elided
// form that is another word: "I i’ the grave" (i’ for in), "o’ the".
func elided(src []byte, toks []document.Token, j int) bool {
	if j+1 >= len(toks) || toks[j+1].Start != toks[j].End() || toks[j+1].Kind() != document.TokPunct {
		return false
	}
	m := string(src[toks[j+1].Start:toks[j+1].End()])
	return (m == "'" || m == "’") && (j+2 >= len(toks) || toks[j+2].Kind() != document.TokWord || toks[j+2].Start != toks[j+1].End())
}

// blockStart reports whether toks[i] is the first word of its block.
func blockStart(toks []document.Token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch toks[k].Kind() {
		case document.TokSpace, document.TokNewline, document.TokMarkup, document.TokInvisible:
			continue
		}
		return false
	}
	return true
}

// emphasisBetween reports emphasis markers between the two words: one copy
// is emphasised (`the *the* cat`, `_use_ use`).
func emphasisBetween(src []byte, toks []document.Token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if t := toks[k]; t.Kind() == document.TokMarkup && prose.Emphasis(src[t.Start:t.End()]) {
			return true
		}
	}
	return false
}

// labelThenWord reports a one-word link label closed between the words:
// `[Date](/api/date) Date utilities`.
func labelThenWord(src []byte, toks []document.Token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if t := toks[k]; t.Kind() == document.TokMarkup && src[t.Start] == ']' && toks[i].Start > 0 && src[toks[i].Start-1] == '[' {
			return true
		}
	}
	return false
}

// emphasisRemoval deletes the emphasised copy with its markers and one
// space beside it: `the *the* cat` becomes `the cat`, `_use_ use` `use`.
func emphasisRemoval(src []byte, toks []document.Token, i, j int) (lint.Edit, bool) {
	marked := func(k int) bool {
		return k > 0 && k+1 < len(toks) && toks[k-1].Kind() == document.TokMarkup && toks[k+1].Kind() == document.TokMarkup &&
			toks[k-1].End() == toks[k].Start && toks[k+1].Start == toks[k].End() &&
			bytes.Equal(src[toks[k-1].Start:toks[k-1].End()], src[toks[k+1].Start:toks[k+1].End()])
	}
	switch {
	case marked(j) && onlySpace(src[toks[i].End():toks[j-1].Start]):
		return lint.Edit{Start: int(toks[i].End()), End: int(toks[j+1].End())}, true
	case marked(i) && onlySpace(src[toks[i+1].End():toks[j].Start]):
		return lint.Edit{Start: int(toks[i-1].Start), End: int(toks[j].Start)}, true
	}
	return lint.Edit{}, false
}

// removal deletes the second word with the whitespace before it when only
// whitespace separates the pair. When a link label opens between them
// (`the [the forum]`), it deletes the first word and the space after it, so
// that a reference label still matches its definition; no markup is ever
// removed.
func removal(src []byte, toks []document.Token, i, j int) (lint.Edit, bool) {
	w1, w2 := toks[i], toks[j]
	if onlySpace(src[w1.End():w2.Start]) {
		return lint.Edit{Start: int(w1.End()), End: int(w2.End())}, true
	}
	if m := toks[j-1]; m.Kind() == document.TokMarkup && m.End() == w2.Start && src[m.Start] == '[' && j-1 > i && onlySpace(src[w1.End():m.Start]) {
		return lint.Edit{Start: int(w1.Start), End: int(m.Start)}, true
	}
	if j+1 < len(toks) && toks[j+1].Kind() == document.TokSpace && toks[j+1].Start == w2.End() && !insideLabel(src, toks, j) {
		return lint.Edit{Start: int(w2.Start), End: int(toks[j+1].End())}, true
	}
	return lint.Edit{}, false
}

// insideLabel reports whether a link label opened before toks[j] is still
// open at it.
func insideLabel(src []byte, toks []document.Token, j int) bool {
	for k := j - 1; k >= 0; k-- {
		if t := toks[k]; t.Kind() == document.TokMarkup {
			switch src[t.Start] {
			case '[':
				return true
			case ']':
				return false
			}
		}
	}
	return false
}

func onlySpace(b []byte) bool {
	for len(b) > 0 {
		switch {
		case b[0] == ' ' || b[0] == '\t' || b[0] == '\n' || b[0] == '\r':
			b = b[1:]
		case len(b) >= 2 && b[0] == 0xC2 && b[1] == 0xA0:
			b = b[2:]
		default:
			return false
		}
	}
	return true
}

// wordAround returns the index of the word next to toks[k] in direction dir
// when only whitespace separates them, or -1.
func wordAround(toks []document.Token, k, dir int) int {
	for m := k + dir; m >= 0 && m < len(toks); m += dir {
		switch toks[m].Kind() {
		case document.TokSpace, document.TokNewline, document.TokMarkup:
			continue
		case document.TokWord:
			return m
		}
		return -1
	}
	return -1
}

// whClause: one of the four words before toks[i] opens a clause that
// toks[i] ends: what, who, where, how, why, all.
func whClause(src []byte, toks []document.Token, i int) bool {
	p := i
	for range 4 {
		if p = wordAround(toks, p, -1); p < 0 {
			return false
		}
		w := src[toks[p].Start:toks[p].End()]
		for _, x := range []string{"what", "who", "where", "how", "why", "all"} {
			if bytes.EqualFold(w, []byte(x)) {
				return true
			}
		}
	}
	return false
}
