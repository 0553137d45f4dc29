// Package repeatedpunctuation finds punctuation typed twice by mistake
// ("museum..", "students,,", "end,.") and keeps one mark.
package repeatedpunctuation

import (
	"fmt"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the repeated-punctuation rule.
var Rule = &lint.Rule{
	ID:       "repeated-punctuation",
	Category: lint.CategoryTypography,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixMixed,
	Doc: lint.Doc{
		Title: "Punctuation typed twice, such as \"..\", \",,\", \";;\" or \",.\"",
		Why: "A doubled full stop, comma, semicolon or colon, or a comma and a full stop side by side, is a slip " +
			"of the keyboard that readers notice at once. Left alone: ellipses of three or more dots (\"...\", " +
			"\"....\", \"?..\"), an abbreviation's full stop before a comma (\"etc.,\", \"Inc.,\", \"U.S.,\"), German " +
			"low quotes typed as \",,\", ranges and paths (\"1..10\", \"../\"), \"std::io\", and \"!!\", \"??\" " +
			"and \"?!\", which are style rather than slips unless flag-emphatic is set. A doubled full stop after " +
			"an abbreviation (\"Inc..\") is reported: the abbreviation's full stop also ends the sentence.",
		Wrong: "Both sides agreed to exchange staff.. The laboratory opens in May,, and the museum will help,.",
		Right: "Both sides agreed to exchange staff. The laboratory opens in May, and the museum will help.",
		Fix: "Safe: deletes the extra mark; for \",.\" it keeps the comma when a lower-case word follows and the " +
			"full stop otherwise. Unsafe: \".,\" may follow an abbreviation the rule does not know (\"incert.,\"), " +
			"and \"..\" before a lower-case word may be a short ellipsis, so those fixes (keep one mark; make it " +
			"\"...\") need a person's eye.",
	},
	Options: []lint.OptionDecl{flagEmphatic},
	Needs:   document.HasPunctRun,
	Run:     run,
}

var flagEmphatic = lint.BoolOption{
	Name: "flag-emphatic", Default: false,
	Doc: "Also report runs of exclamation and question marks (\"!!\", \"??\", \"?!\"), which news style avoids; " +
		"off by default because in quotations and informal posts they are deliberate.",
}

func isMark(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '!', '?':
		return true
	}
	return false
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	emphatic := flagEmphatic.Get(pass)
	for _, b := range pass.Blocks() {
		toks := doc.BlockTokens(b)
		for i := 0; i < len(toks); i++ {
			if toks[i].Kind() != document.TokPunct || !isMark(src[toks[i].Start]) {
				continue
			}
			j := i + 1
			for j < len(toks) && toks[j].Kind() == document.TokPunct && isMark(src[toks[j].Start]) {
				j++
			}
			if j-i >= 2 {
				check(pass, toks, i, j, emphatic)
			}
			i = j - 1
		}
	}
}

// check looks at the run of marks toks[i:j].
func check(pass *lint.Pass, toks []document.Token, i, j int, emphatic bool) {
	src := pass.Doc.Src
	start, end := int(toks[i].Start), int(toks[j-1].End())
	run := src[start:end]
	var prev, next *document.Token
	if i > 0 {
		prev = &toks[i-1]
	}
	if j < len(toks) {
		next = &toks[j]
	}
	if prose.Mentioned(src, toks, i, j-1) {
		return // fix "..", *,,*: the marks quoted as an example of the slip
	}
	if !afterWord(src, prev) {
		// ",,test''" is a German opening quote; "..", ",," after a space or at
		// the start of a line are paths, list art or quotes, not slips.
		return
	}
	switch {
	case same(run, '.'):
		if len(run) != 2 {
			return // an ellipsis: "...", "....", "....."
		}
		doubledStop(pass, toks, i, j, prev, next)
	case same(run, ',') || same(run, ';'):
		name := "comma"
		if run[0] == ';' {
			name = "semicolon"
		}
		report(pass, start, end, fmt.Sprintf("%s %q; keep one", repeated(len(run), name), run),
			"Keep one "+name, lint.Safe, start+1, end)
	case same(run, ':'):
		// "std::io" and "Foo::bar" are code; only a doubled colon before a
		// space or the end of the text is a slip.
		if len(run) != 2 || !spaceOrEnd(next) {
			return
		}
		report(pass, start, end, fmt.Sprintf("doubled colon %q; keep one", run), "Keep one colon", lint.Safe, start+1, end)
	case string(run) == ",." || string(run) == ".,":
		commaStop(pass, toks, i, j, prev, next)
	case emphatic && onlyBangs(run):
		if same(run, run[0]) {
			name := "exclamation mark"
			if run[0] == '?' {
				name = "question mark"
			}
			report(pass, start, end, fmt.Sprintf("%s %q; keep one", repeated(len(run), name), run),
				"Keep one "+name, lint.Safe, start+1, end)
			return
		}
		prose.Report(pass, lint.Diagnostic{Start: start, End: end,
			Message: fmt.Sprintf("emphatic punctuation %q; use one mark", run)})
	}
}

func repeated(n int, name string) string {
	if n == 2 {
		return "doubled " + name
	}
	return fmt.Sprintf("%d %ss in a row", n, name)
}

// report reports [start, end) with a fix that replaces [editStart,
// editEnd) by text: deletes the extra mark, or adds one.
func report(pass *lint.Pass, start, end int, msg, fixMsg string, app lint.Applicability, editStart, editEnd int, text ...string) {
	e := lint.Edit{Start: editStart, End: editEnd}
	if len(text) > 0 {
		e.NewText = text[0]
	}
	prose.Report(pass, lint.Diagnostic{
		Start: start, End: end, Message: msg,
		Fix: &lint.Fix{Message: fixMsg, Applicability: app, Edits: []lint.Edit{e}},
	})
}

// doubledStop handles "..": a doubled full stop before the end of a
// sentence, or a two-dot ellipsis in the middle of one.
func doubledStop(pass *lint.Pass, toks []document.Token, i, j int, prev, next *document.Token) {
	src := pass.Doc.Src
	start, end := int(toks[i].Start), int(toks[j-1].End())
	if next != nil {
		switch next.Kind() {
		case document.TokWord, document.TokNumber, document.TokLiteral:
			// "1..10", "a..z": ranges. Only "end..Next" is a slip.
			if !lowerWord(src, prev) || !next.Is(document.FlagUpper) || next.End()-next.Start < 2 {
				return
			}
		case document.TokPunct:
			switch src[next.Start] {
			case '/', '\\', '-', '_', '=', '<', '+', '*', '[', '{', '(', '$', '#', '%', '&', '|':
				return // "../", "..\\", "1..=12", "a..<b": paths and ranges
			}
		}
	}
	if abbreviation(src, toks, i) {
		msg := "doubled full stop \"..\" after an abbreviation; keep one"
		if next == nil || next.Kind() == document.TokNewline || spaceOrEnd(next) && upperNext(toks, j) {
			msg = "doubled full stop \"..\"; the abbreviation's full stop also ends the sentence, so keep one"
		}
		report(pass, start, end, msg, "Keep one full stop", lint.Safe, start+1, end)
		return
	}
	if w := next2(toks, j); w != nil && !w.Is(document.FlagUpper) && (w.Kind() == document.TokWord || w.Kind() == document.TokNumber) {
		// "we waited.. and waited": the sentence goes on, so the writer may
		// have meant an ellipsis.
		report(pass, start, end, "two full stops \"..\" inside a sentence; use one, or three for an ellipsis",
			"Make it an ellipsis \"...\"", lint.Unsafe, end, end, ".")
		return
	}
	report(pass, start, end, "doubled full stop \"..\"; keep one", "Keep one full stop", lint.Safe, start+1, end)
}

// commaStop handles ",." and ".,": an abbreviation's full stop before a
// comma is right; otherwise one mark is a slip, and the next word says which.
func commaStop(pass *lint.Pass, toks []document.Token, i, j int, prev, next *document.Token) {
	src := pass.Doc.Src
	start, end := int(toks[i].Start), int(toks[j-1].End())
	run := src[start:end]
	if run[0] == '.' && !plainWordBefore(src, toks, i) {
		return // "etc.,", "Inc.,", "U.S.,", "J.,", "Hist.,", "liv.,"
	}
	msg := fmt.Sprintf("comma and full stop together %q; keep one", run)
	if next != nil && (next.Kind() == document.TokWord || next.Kind() == document.TokNumber || next.Kind() == document.TokLiteral) {
		// "word.,word": no telling which was meant.
		prose.Report(pass, lint.Diagnostic{Start: start, End: end, Message: msg})
		return
	}
	keepComma := false
	if w := next2(toks, j); w != nil && (w.Kind() == document.TokWord && !w.Is(document.FlagUpper) || w.Kind() == document.TokNumber) {
		keepComma = true
	}
	comma, stop := start, start+1 // ",."
	if run[0] == '.' {
		comma, stop = start+1, start
	}
	// After a word, ".," may close an abbreviation no list knows ("incert.,"
	// in a proofread book), so a person decides; ",." is never right.
	app := lint.Safe
	if run[0] == '.' {
		app = lint.Unsafe
	}
	if keepComma {
		report(pass, start, end, msg, "Keep the comma", app, stop, stop+1)
		return
	}
	report(pass, start, end, msg, "Keep the full stop", app, comma, comma+1)
}

// next2 returns the word after the token at k when only spaces separate
// them on the same line, or nil.
func next2(toks []document.Token, k int) *document.Token {
	if k >= len(toks) || toks[k].Kind() != document.TokSpace {
		return nil
	}
	if k+1 < len(toks) {
		return &toks[k+1]
	}
	return nil
}

func upperNext(toks []document.Token, k int) bool {
	w := next2(toks, k)
	return w != nil && w.Is(document.FlagUpper)
}

func same(b []byte, c byte) bool {
	for _, x := range b {
		if x != c {
			return false
		}
	}
	return true
}

func onlyBangs(b []byte) bool {
	for _, x := range b {
		if x != '!' && x != '?' {
			return false
		}
	}
	return true
}

// afterWord reports whether the run follows the end of a word: a word, a
// number, a literal, inline markup, or a closing bracket or quote.
func afterWord(src []byte, prev *document.Token) bool {
	if prev == nil {
		return false
	}
	switch prev.Kind() {
	case document.TokWord, document.TokNumber, document.TokLiteral:
		return true
	case document.TokMarkup:
		return !prev.Is(document.FlagHasSpace)
	case document.TokPunct:
		r, _ := utf8.DecodeRune(src[prev.Start:prev.End()])
		switch r {
		case ')', ']', '”', '’', '»', '›', '*', '%':
			return true
		case '"', '\'':
			// A straight quote closes only after a word: in ("..") it opens.
			if prev.Start == 0 {
				return false
			}
			c := src[prev.Start-1]
			return c >= utf8.RuneSelf || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '!' || c == '?'
		}
	}
	return false
}

func spaceOrEnd(next *document.Token) bool {
	return next == nil || next.Kind() == document.TokSpace || next.Kind() == document.TokNewline
}

func lowerWord(src []byte, t *document.Token) bool {
	if t.Kind() != document.TokWord || t.Is(document.FlagUpper) || t.End()-t.Start < 2 {
		return false
	}
	c := src[t.Start]
	return c >= 'a' && c <= 'z'
}

// abbreviation reports whether the full stop toks[i] ends an abbreviation:
// an initial ("J.", "e.g."), the last part of a dotted one ("U.S.",
// "Ph.D."), a word without vowels ("Mr.", "Ltd.", "pp.") or a known one.
func abbreviation(src []byte, toks []document.Token, i int) bool {
	if i == 0 {
		return false
	}
	w := toks[i-1]
	if w.Kind() != document.TokWord || w.Is(document.FlagCJK) {
		return false
	}
	word := src[w.Start:w.End()]
	if utf8.RuneCount(word) == 1 {
		return true
	}
	if i >= 2 && toks[i-2].Kind() == document.TokPunct && src[toks[i-2].Start] == '.' {
		return true
	}
	if len(word) > 7 {
		return false
	}
	var buf [7]byte
	vowel := false
	for k, c := range word {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			vowel = true
		}
		buf[k] = c
	}
	if !vowel && len(word) <= 4 && ascii(word) {
		return true
	}
	lower := buf[:len(word)]
	return abbrevAny[string(lower)] || w.Is(document.FlagUpper) && abbrevCap[string(lower)]
}

// plainWordBefore reports whether the word before the full stop toks[i] is
// surely not an abbreviation: proofread books abbreviate freely ("Eliz.,",
// "Hist.,", "liv.,", "Esq.,"), so only a lower-case word of five letters or
// more that no list knows counts as an ordinary word.
func plainWordBefore(src []byte, toks []document.Token, i int) bool {
	if i == 0 || toks[i-1].Kind() != document.TokWord || toks[i-1].Is(document.FlagUpper) || abbreviation(src, toks, i) {
		return false
	}
	w := src[toks[i-1].Start:toks[i-1].End()]
	if utf8.RuneCount(w) < 5 {
		return false
	}
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func ascii(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// abbrevAny are abbreviations in any case; abbrevCap only when capitalised,
// because in lower case they are ordinary words ("ill", "mass", "sun").
var abbrevAny = set("etc", "inc", "co", "cos", "corp", "ltd", "bros", "assn", "assoc", "dept", "univ", "inst",
	"intl", "natl", "govt", "est", "approx", "ca", "cf", "viz", "al", "ed", "eds", "trans", "vol", "vols",
	"fig", "figs", "chap", "sec", "secs", "para", "op", "cit", "ibid", "ex", "mr", "mrs", "ms", "messrs", "dr",
	"prof", "rev", "hon", "gen", "col", "capt", "maj", "sgt", "cmdr", "adm", "gov", "sen", "rep", "reps",
	"pres", "supt", "fr", "jr", "sr", "st", "mt", "ft", "ave", "blvd", "hwy", "pkwy", "apt", "bldg", "ste",
	"yd", "yds", "lb", "lbs", "oz", "pt", "qt", "gal", "hr", "hrs", "yr", "yrs", "wk", "wks", "avg", "tel",
	"ext", "dist", "misc", "ref", "refs", "orig", "esp", "incl", "excl", "resp", "abbr", "div", "publ",
	"repr", "nos", "pp", "vs", "seq", "sq", "cu", "mfg", "pub", "lit", "aux", "dept", "encl", "attn",
	"tech", "acad", "dir", "mgr", "asst", "coll", "ps", "pps", "suppl", "transl", "introd", "abbrev",
	"philos", "compar", "contd", "cont", "illus", "illust", "frontis", "anon", "colloq", "obs", "pseud",
	"fol", "sqq", "nouv", "liv", "lib", "cap", "hist", "repub", "treas", "secy", "admin", "comm", "commr",
	"dist", "distr", "exec", "fed", "gram", "geog", "geol", "hosp", "indiv", "inst", "instr", "journ", "lang",
	"mag", "math", "meas", "med", "mil", "mus", "myth", "nat", "pharm", "phys", "pol", "polit", "poss",
	"prelim", "prod", "prov", "psych", "quot", "rept", "rev", "sci", "soc", "spec", "stat", "subj", "supp",
	"syn", "techn", "theol", "univ", "var", "vet", "zool", "etseq", "viz", "esq", "mss", "ms")

var abbrevCap = set("no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ala", "ariz", "ark", "calif",
	"colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn",
	"miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt", "wash", "wis",
	"wisc", "wyo", "min", "max", "mich", "ont", "que", "eng", "fig", "gen", "lieut", "rt", "hon")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
