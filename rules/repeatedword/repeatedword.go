// Package repeatedword finds a word typed twice in a row ("the the"), the
// most common slip in edited copy, and removes the second one.
package repeatedword

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/lint"
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
			"The check works across line breaks, no-break spaces and inline markup, ignores case, and leaves " +
			"grammatical doubles (\"had had\", \"that that\"), interjections (\"ha ha\"), reduplicated place names " +
			"(\"Walla Walla\"), numbers, and words tripled on purpose alone.",
		Wrong: "Both sides agreed to to open a joint laboratory.",
		Right: "Both sides agreed to open a joint laboratory.",
		Fix:   "Safe: deletes the second word and the space before it; nothing else changes.",
	},
	Run: run,
}

// legitimate doubles, lower case: grammar ("had had", "that that", "gave her
// her"), interjections and sounds ("ha ha", "beep beep"), reduplicated names
// and words ("Walla Walla", "so so", "far far away").
var allowed = map[string]bool{
	"had": true, "that": true, "her": true, "ha": true, "haha": true, "hah": true, "heh": true, "hee": true,
	"bye": true, "no": true, "yes": true, "bla": true, "blah": true, "yada": true, "tut": true, "tsk": true,
	"knock": true, "hear": true, "there": true, "now": true, "well": true, "chop": true, "tuk": true, "cha": true,
	"choo": true, "ho": true, "la": true, "mm": true, "uh": true, "oh": true, "ah": true, "ooh": true, "aah": true,
	"yeah": true, "yay": true, "hey": true, "hi": true, "ay": true, "aye": true, "yum": true, "woo": true,
	"woop": true, "whoop": true, "wow": true, "boo": true, "bang": true, "boom": true, "pom": true,
	"dum": true, "hush": true, "night": true, "very": true, "so": true, "far": true, "tick": true, "tock": true,
	"ring": true, "beep": true, "bleep": true, "honk": true, "toot": true, "ding": true, "dong": true,
	"knock-knock": true, "quack": true, "meow": true, "woof": true, "baa": true, "moo": true, "oink": true,
	"tweet": true, "chirp": true, "squawk": true, "buzz": true, "twinkle": true, "ta": true, "pee": true,
	"wee": true, "bam": true, "pow": true, "zzz": true, "tsktsk": true, "ouh": true, "omg": true, "fnar": true,
	"fnarr": true, "wop": true, "paw": true, "mau": true, "sri": true, "jay": true, "walla": true, "pago": true,
	"wagga": true, "bora": true, "sing": true, "baden": true, "duran": true, "mahi": true, "bulla": true,
	"gout": true, "pooh": true, "tom": true, "yo": true, "agar": true, "whoa": true, "si": true, "brum": true,
	"chi": true, "chow": true, "shh": true, "yummy": true, "wink": true, "miu": true, "yadda": true, "doo": true,
	"sapiens": true, "tse": true, "lapu": true, "santorio": true, "cous": true, "dik": true, "wiki": true,
}

// nameWords are common words that are also names: "Will will be here",
// "It may May be" are a name beside the word, when the case differs.
var nameWords = map[string]bool{
	"may": true, "will": true, "june": true, "april": true, "august": true, "mark": true, "bill": true,
	"rose": true, "pat": true, "sue": true, "frank": true, "grace": true, "hope": true, "joy": true, "faith": true,
}

// particles double after a phrasal verb: "log in in the morning",
// "sign them in in the book".
var particles = map[string]bool{"in": true, "on": true, "up": true, "out": true, "off": true, "over": true, "down": true, "by": true}

var phrasalHeads = map[string]bool{
	"log": true, "logs": true, "logged": true, "logging": true, "sign": true, "signs": true, "signed": true,
	"signing": true, "check": true, "checks": true, "checked": true, "checking": true, "plug": true,
	"plugged": true, "fill": true, "filled": true, "type": true, "typed": true, "tune": true, "tuned": true,
	"turn": true, "turned": true, "hand": true, "handed": true, "call": true, "called": true, "drop": true,
	"dropped": true, "pass": true, "passed": true, "hold": true, "held": true, "give": true, "gave": true,
	"set": true, "put": true, "lock": true, "locked": true, "pay": true, "paid": true, "write": true, "wrote": true,
	"it": true, "them": true, "him": true, "me": true, "us": true, "you": true,
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	for bi := range doc.Blocks {
		toks := doc.BlockTokens(&doc.Blocks[bi])
		prev := -1 // index of the previous word, or -1 after anything that breaks adjacency
		spaced := false
		for i, t := range toks {
			switch t.Kind {
			case lint.TokSpace, lint.TokNewline:
				spaced = true
				continue
			case lint.TokMarkup:
				spaced = spaced || t.Is(lint.FlagHasSpace)
				continue
			case lint.TokWord:
			default:
				prev, spaced = -1, false
				continue
			}
			if prev >= 0 && spaced && !t.Is(lint.FlagCJK) && same(doc.Src, toks[prev], t) {
				check(pass, toks, prev, i)
			}
			prev, spaced = i, false
		}
	}
}

// inCompound: "Pre-RFC RFC", "ten ten-pound", "gophercon.in in": one of the
// words is part of a hyphenated compound, a domain or a path.
func inCompound(src []byte, w1, w2 lint.Token) bool {
	if w1.Start > 0 {
		switch src[w1.Start-1] {
		case '-', '.', '/', '_', '@':
			return true
		}
	}
	if int(w2.End) < len(src) {
		switch src[w2.End] {
		case '-', '/', '_':
			return true
		case '.':
			return int(w2.End)+1 < len(src) && isLetter(src[w2.End+1])
		}
	}
	return false
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// capsDiffer: "AND and", "TLS tls": an acronym beside the ordinary word.
func capsDiffer(src []byte, w1, w2 lint.Token) bool {
	return allCaps(src[w1.Start:w1.End]) != allCaps(src[w2.Start:w2.End])
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

func deliberateMarkup(src []byte, toks []lint.Token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		t := toks[k]
		if t.Kind != lint.TokMarkup {
			continue
		}
		m := src[t.Start:t.End]
		if onlyEmphasis(m) {
			return true
		}
		if m[0] == ']' && toks[i].Start > 0 && src[toks[i].Start-1] == '[' {
			return true
		}
	}
	return false
}

func onlyEmphasis(m []byte) bool {
	for _, c := range m {
		if c != '*' && c != '_' && c != ' ' && c != '~' {
			return false
		}
	}
	return true
}

func same(src []byte, a, b lint.Token) bool {
	// Lengths and first letters, folded to lower case, settle most pairs
	// before the full comparison.
	return a.End-a.Start == b.End-b.Start && src[a.Start]|0x20 == src[b.Start]|0x20 &&
		bytes.EqualFold(src[a.Start:a.End], src[b.Start:b.End])
}

// check reports toks[j] repeating toks[i] unless the double is legitimate.
func check(pass *lint.Pass, toks []lint.Token, i, j int) {
	src := pass.Doc.Src
	w1, w2 := toks[i], toks[j]
	word := string(src[w2.Start:w2.End])
	lower := strings.ToLower(word)
	if allowed[lower] || w2.Is(lint.FlagDigit) || inCompound(src, w1, w2) || capsDiffer(src, w1, w2) || possessive(lower) {
		return
	}
	// Markup between the two words that is emphasis (`did *did*`) or closes a
	// one-word link (`[Date](/api/date) Date utilities`) makes the double
	// deliberate.
	if j-i > 1 && deliberateMarkup(src, toks, i, j) {
		return
	}
	// "is is" is grammar in a clause that a wh-word opens: "what it is is",
	// "what the problem is is"; elsewhere ("This is is fine") it is a slip.
	if lower == "is" && whClause(src, toks, i) {
		return
	}
	// Tripled words and spaced-out letters are deliberate: "no no no", "M I T".
	before, after := wordAround(toks, i, -1), wordAround(toks, j, +1)
	if before >= 0 && same(src, toks[before], w2) || after >= 0 && same(src, toks[after], w2) {
		return
	}
	if w2.End-w2.Start == 1 && (before >= 0 && toks[before].End-toks[before].Start == 1 || after >= 0 && toks[after].End-toks[after].Start == 1) {
		return
	}
	// Single letters other than "a" and "I" are variables, grades or
	// labels: "x x", "B B".
	if w2.End-w2.Start == 1 && lower != "a" && lower != "i" {
		return
	}
	if nameWords[lower] && src[w1.Start] != src[w2.Start] {
		return
	}
	// "hip hip hooray" is a cheer.
	if lower == "hip" && after >= 0 && bytes.HasPrefix(bytes.ToLower(src[toks[after].Start:toks[after].End]), []byte("hoor")) {
		return
	}
	if particles[lower] && before >= 0 && phrasalHeads[strings.ToLower(string(src[toks[before].Start:toks[before].End]))] {
		return
	}

	d := lint.Diagnostic{
		Start:   int(w1.Start),
		End:     int(w2.End),
		Message: fmt.Sprintf("doubled word %q; remove the second one", word),
	}
	if e, ok := removal(src, toks, i, j); ok {
		d.Fix = &lint.Fix{Message: fmt.Sprintf("Remove the second %q", word), Applicability: lint.Safe, Edits: []lint.Edit{e}}
	}
	pass.Report(d)
}

// removal deletes the second word with the whitespace before it when only
// whitespace separates the pair; when markup sits between them (`the *the*`),
// it deletes the second word with the space after it instead, so that no
// markup is ever removed.
func removal(src []byte, toks []lint.Token, i, j int) (lint.Edit, bool) {
	w1, w2 := toks[i], toks[j]
	if onlySpace(src[w1.End:w2.Start]) {
		return lint.Edit{Start: int(w1.End), End: int(w2.End)}, true
	}
	if j+1 < len(toks) && toks[j+1].Kind == lint.TokSpace && toks[j+1].Start == w2.End {
		return lint.Edit{Start: int(w2.Start), End: int(toks[j+1].End)}, true
	}
	return lint.Edit{}, false
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
func wordAround(toks []lint.Token, k, dir int) int {
	for m := k + dir; m >= 0 && m < len(toks); m += dir {
		switch toks[m].Kind {
		case lint.TokSpace, lint.TokNewline, lint.TokMarkup:
			continue
		case lint.TokWord:
			return m
		}
		return -1
	}
	return -1
}

// whClause: one of the four words before toks[i] opens a clause that
// toks[i] ends: what, who, where, how, why, all.
func whClause(src []byte, toks []lint.Token, i int) bool {
	p := i
	for range 4 {
		if p = wordAround(toks, p, -1); p < 0 {
			return false
		}
		w := src[toks[p].Start:toks[p].End]
		for _, x := range []string{"what", "who", "where", "how", "why", "all"} {
			if bytes.EqualFold(w, []byte(x)) {
				return true
			}
		}
	}
	return false
}
