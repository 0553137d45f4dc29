// Package missingspaceafterpunctuation finds a comma, full stop or other
// mark glued to the next word ("museum,library", "opened.The") and offers
// to insert the space.
package missingspaceafterpunctuation

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the missing-space-after-punctuation rule.
var Rule = &lint.Rule{
	ID:       "missing-space-after-punctuation",
	Category: lint.CategoryTypography,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixUnsafe,
	Doc: lint.Doc{
		Title: "No space after a comma, full stop or other mark before the next word",
		Why: "\"museum,library\" and \"opened.The gallery\" read as one word and break spell checkers, search and " +
			"line breaking. Only clear cases are reported: a full stop, exclamation or question mark before a " +
			"capitalised word, a comma or semicolon between two words, a colon inside a sentence. Numbers " +
			"(\"3.5\", \"1,000\", \"14:42\"), abbreviations and initials (\"U.S.\", \"e.g.\", \"Ph.D.\", \"a.m.\", " +
			"\"J.R.R. Tolkien\"), URLs, e-mail addresses, file and domain names, version numbers, code-like " +
			"names (\"Node.js\", \"ASP.NET\", \"a time.Duration value\"), labels at the start of a line (\"Tel:+86\", \"Date:\"), ellipses, " +
			"and marks before a closing quote or bracket are left alone.",
		Wrong: "The museum opened a new gallery.Visitors can see shells,corals and fossils.",
		Right: "The museum opened a new gallery. Visitors can see shells, corals and fossils.",
		Fix: "Unsafe: inserts a space after the mark. The glued text may be a name or a code identifier the " +
			"rule does not know (\"fmt.Println\"), so a person should look.",
	},
	Needs: document.HasPunctBeforeWord,
	Run:   run,
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	for _, b := range pass.Blocks() {
		if b.Role == document.RoleDate {
			continue // "Date:2025-03-14" is the date rules' business
		}
		toks := doc.BlockTokens(b)
		for i := 1; i+1 < len(toks); i++ {
			t := toks[i]
			if t.Kind() != document.TokPunct {
				continue
			}
			c := src[t.Start]
			switch c {
			case ',', '.', ';', ':', '!', '?':
			default:
				continue
			}
			next := toks[i+1]
			quotedWord := next.Kind() == document.TokPunct && openingQuote(src, next) && i+2 < len(toks) && toks[i+2].Kind() == document.TokWord
			if next.Kind() != document.TokWord && !quotedWord {
				continue
			}
			if glued(src, toks, i, c) {
				report(pass, t, next, c)
			}
		}
	}
}

func report(pass *lint.Pass, mark, next document.Token, c byte) {
	_, w := utf8.DecodeRune(pass.Doc.Src[next.Start:next.End()])
	prose.Report(pass, lint.Diagnostic{
		Start:   int(mark.Start),
		End:     int(next.Start) + w,
		Message: fmt.Sprintf("no space after %q; insert one", c),
		Fix: &lint.Fix{
			Message:       fmt.Sprintf("Insert a space after %q", c),
			Applicability: lint.Unsafe,
			Edits:         []lint.Edit{{Start: int(mark.End()), End: int(mark.End()), NewText: " "}},
		},
	})
}

func openingQuote(src []byte, t document.Token) bool {
	r, _ := utf8.DecodeRune(src[t.Start:t.End()])
	return r == '“' || r == '‘'
}

// glued decides whether the mark toks[i] (c) is a slip before the word
// after it.
func glued(src []byte, toks []document.Token, i int, c byte) bool {
	prev, next := toks[i-1], toks[i+1]
	quoted := next.Kind() == document.TokPunct
	word := next
	if quoted {
		word = toks[i+2]
	}
	if prev.Kind() != document.TokWord && prev.Kind() != document.TokNumber {
		return false // "...Next", "?!Yes", "**bold**.Next", a literal
	}
	if prev.Is(document.FlagCJK) || word.Is(document.FlagCJK) || prev.Is(document.FlagDigit) || word.Is(document.FlagDigit) {
		return false // CJK runs, "v1.Next", "amd64,arm64"
	}
	if joined(src, prev.Start-1) {
		return false // "a.b.C", "foo/bar.Baz", "_x.Y", "&amp;x"
	}
	if mojibakeLead(src[word.Start:]) {
		return false // ",Â " is a no-break space read as Windows-1252: mojibake's to report
	}
	after := byte(0) // the byte after the word
	if int(word.End()) < len(src) {
		after = src[word.End()]
	}
	pw := src[prev.Start:prev.End()]
	nw := src[word.Start:word.End()]
	switch c {
	case '.', '!', '?':
		if !quoted && !capitalised(nw) {
			return false // "Node.js", "example.xyz", "obj.method", "Yahoo!news"
		}
		// After a lower-case word of three letters or more, a capital that
		// starts a sentence cannot be part of initials: "effect.A recording",
		// "the tours.Dr. Dalton".
		sentenceStart := prev.Kind() == document.TokWord && lowerWord(pw) && runes(pw) >= 3 && !quoted &&
			(runes(nw) == 1 && (after == ' ' || after == '\n') || after == '.' && isTitle(nw))
		if !sentenceStart && (prev.Kind() == document.TokWord && runes(pw) == 1 || !quoted && runes(nw) == 1) {
			return false // initials and dotted abbreviations: "J.R.R.", "e.g.", "U.S", "a.m."
		}
		if c == '.' && !sentenceStart {
			if prev.Kind() == document.TokWord && prev.Is(document.FlagUpper) && runes(pw) <= 3 && after == '.' {
				return false // "Ph.D.", "St.Ex."
			}
			switch after {
			case '.', '(', '_', '/', '[', '<', '=', '@', '#':
				return false // "fmt.Println(", "os.Args[", "Foo.Bar.Baz"
			}
			if !quoted && allCaps(nw) {
				return false // "ASP.NET", "VB.NET"
			}
		}
		if !quoted && camel(nw) {
			return false // "http.HandlerFunc", "Foo.ReadAll": identifiers
		}
		if c == '.' && !quoted && reused(src, prev.Start, toks[i].End()) {
			return false // "os.Create" where the post also has "os.Open": a code name
		}
		if c == '.' && !quoted && qualifiedName(src, toks, i) {
			return false // "a clock.Interval value": a package's type inside a noun phrase
		}
		return true
	case ',', ';':
		if runes(pw) == 1 && runes(nw) == 1 {
			return false // "x,y", "a;b"
		}
		if c == ';' && prev.Start > 0 && (src[prev.Start-1] == '&' || src[prev.Start-1] == '#') {
			return false // an HTML entity: "&amp;text" (the entity rules report it)
		}
		if c == ';' && len(pw) == 2 && len(nw) >= 2 && (pw[0]|0x20) == 't' && (pw[1]|0x20) == 'l' && (nw[0]|0x20) == 'd' && (nw[1]|0x20) == 'r' {
			return false // "TL;DR", "tl;dr"
		}
		if word.Kind() != document.TokWord || !quoted && (after == '(' || after == '=' || after == '[') {
			return false // "a,b(c)", "k=v,x=y": code
		}
		if c == ',' && tagList(src, toks, i) {
			return false // "**doc,n-api**": a changelog's subsystem tags
		}
		if camel(nw) && !quoted {
			return false
		}
		return true
	case ':':
		if !quoted && label(toks, i) {
			return false // "Tel:", "Contact person:Anna Berg"
		}
		if prev.Kind() != document.TokWord || runes(pw) < 2 || runes(nw) < 2 {
			return false // "3:1", "a:b"
		}
		switch after {
		case ':', '/', '.', '=', '(', '[', '_', '-':
			return false // ":tada:", "go:generate-x", "key:value.x"
		}
		// "agree:disagree", "setup:dev", "go:embed" are ratios and names;
		// "as follows:The" is the slip that is sure. "Re:Subject" is a label.
		if !quoted && (camel(nw) || allCaps(nw) || !capitalised(nw) || !lowerWord(pw)) {
			return false
		}
		return true
	}
	return false
}

// qualifiedName reports whether the full stop toks[i] joins a package and
// a name ("a time.Duration value") rather than two sentences ("the
// release.The next one"). It holds only where one noun phrase runs across
// the dot: a determiner before the lower-case word, and after the
// capitalised word a lower-case word that is no function word. A new
// sentence's first word is most often a function word ("The", "It") or a
// plural ("Tickets cost"), or is followed by a function word ("Visitors
// can"), a capital ("Click Save") or a verb in the past ("Boats sailed");
// a qualified name, singular, modifies the noun after it ("value",
// "example", "argument").
func qualifiedName(src []byte, toks []document.Token, i int) bool {
	prev, name := toks[i-1], toks[i+1]
	nw := src[name.Start:name.End()]
	if !lowerWord(src[prev.Start:prev.End()]) || functionWord(nw) || bytes.HasSuffix(nw, []byte("s")) && !bytes.HasSuffix(nw, []byte("ss")) {
		return false // "the tours.Tickets cost": a plural subject starts a sentence; type names are singular
	}
	if i < 3 || toks[i-2].Kind() != document.TokSpace && toks[i-2].Kind() != document.TokNewline || toks[i-3].Kind() != document.TokWord || !determiner(src[toks[i-3].Start:toks[i-3].End()]) {
		return false
	}
	if i+3 >= len(toks) || toks[i+2].Kind() != document.TokSpace || toks[i+3].Kind() != document.TokWord {
		return false
	}
	w := src[toks[i+3].Start:toks[i+3].End()]
	return lowerWord(w) && !functionWord(w) && !pastTense(w)
}

// pastTense reports a word with the regular past ending ("sailed"), the
// verb of a sentence that starts after the dot: "the harbour.Boats sailed".
func pastTense(w []byte) bool {
	return len(w) > 3 && bytes.HasSuffix(w, []byte("ed")) && !bytes.HasSuffix(w, []byte("eed"))
}

// determiner reports the words that open a noun phrase and cannot end a
// sentence: articles, demonstratives, possessives and quantifiers.
func determiner(w []byte) bool {
	switch string(bytes.ToLower(w)) {
	case "a", "an", "the", "this", "that", "these", "those", "each", "every", "any", "no", "some",
		"its", "our", "your", "their", "his", "her", "my", "another", "either", "neither":
		return true
	}
	return false
}

// functionWord reports English closed-class words (articles, pronouns,
// auxiliaries and modals, prepositions, conjunctions and the commonest
// sentence adverbs), in any case.
func functionWord(w []byte) bool {
	if determiner(w) {
		return true
	}
	switch string(bytes.ToLower(w)) {
	case "i", "you", "he", "she", "it", "we", "they", "me", "him", "us", "them", "there", "here",
		"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whether",
		"is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done",
		"has", "have", "had", "can", "could", "will", "would", "shall", "should", "may", "might", "must",
		"in", "on", "at", "by", "for", "from", "of", "to", "with", "without", "into", "onto", "about",
		"after", "before", "since", "until", "during", "over", "under", "through", "between", "against",
		"and", "or", "but", "nor", "so", "yet", "if", "then", "than", "because", "while", "although",
		"though", "unless", "as", "also", "not", "now", "still", "however", "instead", "too", "just",
		"all", "both", "most", "many", "much", "more", "few", "such", "only", "even", "once", "again":
		return true
	}
	return false
}

// label reports whether the colon toks[i] ends a label at the start of a
// line: at most three words, nothing else, before it.
func label(toks []document.Token, i int) bool {
	words := 0
	for k := i - 1; k >= 0; k-- {
		switch toks[k].Kind() {
		case document.TokWord, document.TokNumber:
			words++
			if words > 3 {
				return false
			}
		case document.TokSpace:
		case document.TokNewline:
			return true
		case document.TokMarkup:
			if toks[k].Is(document.FlagHasSpace) {
				return true
			}
		default:
			return false
		}
	}
	return true
}

// joined reports whether the byte at off ties the word after it to more
// text: a path, a dotted name, an identifier or an entity.
func joined(src []byte, off int32) bool {
	if off < 0 {
		return false
	}
	switch src[off] {
	case '.', '/', '\\', '_', '@', '&', '#', '$', '%', '=', '<', '{', '[', ':', '~', '^', '|', '+':
		return true
	}
	return false
}

func runes(b []byte) int { return utf8.RuneCount(b) }

func capitalised(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return unicode.IsUpper(r)
}

func lowerWord(b []byte) bool {
	for len(b) > 0 {
		r, w := utf8.DecodeRune(b)
		if !unicode.IsLower(r) && r != '\'' && r != '’' {
			return false
		}
		b = b[w:]
	}
	return true
}

// allCaps: two or more letters, none lower case.
func allCaps(b []byte) bool {
	n := 0
	for len(b) > 0 {
		r, w := utf8.DecodeRune(b)
		if unicode.IsLower(r) {
			return false
		}
		n++
		b = b[w:]
	}
	return n >= 2
}

// camel reports an upper-case letter after a lower-case one ("ReadAll",
// "iPhone", "McKay"), the shape of identifiers and some names.
func camel(b []byte) bool {
	lower := false
	for len(b) > 0 {
		r, w := utf8.DecodeRune(b)
		if unicode.IsUpper(r) && lower {
			return true
		}
		lower = unicode.IsLower(r)
		b = b[w:]
	}
	return false
}

// reused reports whether the text src[start:end] ("os.") occurs elsewhere in
// the document glued to a letter after a word boundary ("os.Open" in a code
// block): then the pair is a package, type or site name, not a sentence end.
func reused(src []byte, start, end int32) bool {
	prefix := src[start:end]
	for off := 0; off < len(src); {
		k := bytes.Index(src[off:], prefix)
		if k < 0 {
			return false
		}
		at := off + k
		off = at + 1
		if at == int(start) {
			continue
		}
		if at > 0 && isWordByte(src[at-1]) {
			continue
		}
		if e := at + len(prefix); e < len(src) && prose.IsASCIILetter(src[e]) {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= utf8.RuneSelf || c >= '0' && c <= '9' || prose.IsASCIILetter(c)
}

// mojibakeLead: the word starts with Â or Ã and a character that UTF-8
// read as Windows-1252 leaves after it (a no-break space, a symbol), the
// trace of one character, not a word glued to the mark.
func mojibakeLead(b []byte) bool {
	if len(b) < 3 || b[0] != 0xC3 || (b[1] != 0x82 && b[1] != 0x83) {
		return false
	}
	r, _ := utf8.DecodeRune(b[2:])
	return r == 0xA0 || r >= 0x80 && r <= 0xBF || r == ' ' || r >= 0x2000 && r <= 0x20AC
}

// isTitle: the abbreviations of titles that start sentences: "Dr.", "Mr.".
func isTitle(w []byte) bool {
	switch string(w) {
	case "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Sr", "Jr", "Rev", "Gen", "Capt":
		return true
	}
	return false
}

// tagList reports whether the comma toks[i] joins lower-case tags set
// apart as a label: the unspaced run of words, hyphens and commas around it
// fills an emphasis or a pair of brackets, or ends in a colon
// ("**doc,n-api**", "[build,ci]", "fs,net: ..."). Prose that lost a space
// after a comma runs on past such a run.
func tagList(src []byte, toks []document.Token, i int) bool {
	part := func(t document.Token) bool {
		switch t.Kind() {
		case document.TokWord:
			return !t.Is(document.FlagUpper)
		case document.TokPunct:
			c := src[t.Start]
			return c == ',' || c == '-'
		case document.TokNumber:
			return true
		}
		return false
	}
	a := i
	for a > 0 && part(toks[a-1]) {
		a--
	}
	b := i
	for b+1 < len(toks) && part(toks[b+1]) {
		b++
	}
	opens := a == 0 || toks[a-1].Kind() == document.TokMarkup && !toks[a-1].Is(document.FlagHasSpace) || toks[a-1].Kind() == document.TokPunct && (src[toks[a-1].Start] == '[' || src[toks[a-1].Start] == '(')
	if b+1 >= len(toks) {
		return false
	}
	n := toks[b+1]
	closes := n.Kind() == document.TokMarkup || n.Kind() == document.TokPunct && (src[n.Start] == ']' || src[n.Start] == ')' || src[n.Start] == ':')
	return opens && closes
}
