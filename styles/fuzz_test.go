package styles

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// FuzzLoad feeds rule files and articles: loading either fails with an
// error or gives rules that run on any text without panicking and report
// spans inside it, with fixes that replace what they report.
func FuzzLoad(f *testing.F) {
	f.Add("extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\nfix: safe\nswap:\n  percent: per cent\n  'e-?mail': email\n", "Up 5 Percent by e-mail.\n")
	f.Add("extends: existence\nmessage: '%s'\nraw: ['\\b(?:is|was)\\s+']\ntokens: ['\\w+ed']\n", "It was painted.\n")
	f.Add("extends: existence\nmessage: '%s'\nnonword: true\ntokens: ['(?<=\\s)-\\d+']\nscope: [heading, alt]\n", "# Down -5\n\n![a -4 b](x.png)\n")
	f.Add("extends: occurrence\nmessage: '%d'\nmax: 3\ntoken: '\\b(\\w+)\\b'\n", "One two three four. Five.\n")
	f.Add("extends: repetition\nmessage: '%s'\ntokens: ['[^\\s]+']\n", "the the *the*\n")
	f.Add("extends: consistency\nmessage: '%s'\neither: {colour: color}\n", "colour\n\ncolor\n")
	f.Add("extends: conditional\nmessage: '%s'\nfirst: '\\b([A-Z]{3,5})\\b'\nsecond: '\\(([A-Z]{3,5})\\)'\n", "The Ferry Board (FB) and HFA.\n")
	f.Add("extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: $title\n", "# a Title of it\n")
	f.Add("extends: existence\nmessage: x\nlimit: 1\naction: {name: remove}\nfix: safe\ntokens: [é, 'É']\nexamples: {wrong: ['é'], right: [e]}\n", "| é | É |\n|---|---|\n")
	f.Add("extends: capitalization\nmessage: '%s'\nscope: [heading, sentence]\nmatch: $title\nstyle: Chicago\nthreshold: 1\nprefix: '^\\d+\\. '\naction: {name: replace}\nexceptions: [iFerry, '(?i)quay']\n", "# 2. walking Through the iferry Quay\n")
	f.Add("extends: capitalization\nmessage: '%s'\nmatch: $sentence\nindicators: [':', '?']\nvocab: false\nfix: safe\naction: {name: replace}\n", "# Routes: north And South\n\nOne. two: Three\n")
	f.Add("extends: existence\nmessage: '%s'\nnonword: true\nscope: sentence\naction: {name: edit, params: [regex, '(\\d+)-(\\d+)', '$2 to $1']}\ntokens: ['\\d+-\\d+', '^But']\n", "Open 9-17. But not 3-4\n")
	f.Add("extends: existence\nmessage: '%s'\naction: {name: edit, params: [split, ' ', '1']}\ntokens: [ATM machine]\n", "An ATM machine.\n")
	f.Add("extends: existence\nmessage: '%s'\naction: {name: edit, params: [trim, 'ly']}\ntokens: [firstly]\n", "firstly, ly\n")
	f.Add("extends: repetition\nmessage: '%s'\nscope: sentence\naction: {name: edit, params: [truncate, ' ']}\ntokens: ['[^\\s]+']\n", "the the. the\n")
	f.Add("extends: substitution\nmessage: '%s'\naction: {name: convert, params: [simple]}\nswap: {'auto-\\w+': auto}\n", "auto-Docking and autoDock\n")
	f.Fuzz(func(t *testing.T, yml, text string) {
		set, err := Compile([]Source{{File: "Fuzz/Rule.yml", ID: "Fuzz.Rule", Data: []byte(yml)}})
		if err != nil {
			return
		}
		checkInText(t, set, text)
	})
}

// checkInText runs every rule of set on text and fails when a finding's
// span or one of its fix's edits is not inside the text.
func checkInText(t *testing.T, set *Set, text string) {
	t.Helper()
	doc, err := parse.Parse("fuzz.md", []byte(text))
	if err != nil {
		return
	}
	for _, r := range set.Rules() {
		for _, d := range lint.Check(r, doc, lint.Options{}) {
			if d.Start < 0 || d.End < d.Start || d.End > len(text) {
				t.Fatalf("%s: span [%d, %d) outside the text (%d bytes)", r.ID, d.Start, d.End, len(text))
			}
			if d.Fix != nil {
				for _, e := range d.Fix.Edits {
					if e.Start < 0 || e.End < e.Start || e.End > len(text) {
						t.Fatalf("%s: edit [%d, %d) outside the text", r.ID, e.Start, e.End)
					}
				}
			}
		}
	}
}

// FuzzVocab feeds a vocabulary's two files, a rule that takes it and an
// article: loading fails with an error naming the file, or the rules,
// Vale.Terms and Vale.Avoid among them, run on any text and report spans
// inside it.
func FuzzVocab(f *testing.F) {
	f.Add("# names\nTidewater\nMarlow Quay\n(?i)ferrylink\nNode.js\n", "water taxi\n", "extends: existence\nmessage: '%s'\ntokens: ['[A-Z][a-z]+water', quay]\n", "Tidewater and tidewater at Marlow  quay by water taxi.\n")
	f.Add("[pP]y.*\\b\n#\n", "(?<=\\s)foo\n", "extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: $sentence\n", "# Python and pyenv foo\n")
	f.Add("(unclosed\n", "", "extends: substitution\nmessage: '%s'\nswap: {a: b}\n", "a\n")
	f.Fuzz(func(t *testing.T, accept, reject, yml, text string) {
		v := &Vocab{AcceptFile: "accept.txt", RejectFile: "reject.txt"}
		var err error
		if v.Accept, err = parseTerms("accept.txt", []byte(accept)); err != nil {
			if !strings.Contains(err.Error(), "accept.txt:") {
				t.Fatalf("error without the file: %v", err)
			}
			return
		}
		if v.Reject, err = parseTerms("reject.txt", []byte(reject)); err != nil {
			return
		}
		set, err := CompileWith([]Source{{File: "Fuzz/Rule.yml", ID: "Fuzz.Rule", Data: []byte(yml)}}, v, true)
		if err != nil {
			return
		}
		checkInText(t, set, text)
	})
}

// FuzzAnchored holds a pattern tried only where its prefix literals start
// (and a character-class run matcher) to Go's FindAll over the whole text.
func FuzzAnchored(f *testing.F) {
	f.Add(`(?i)(?m)\b(am|is)\b\s*\b(?:\w+ed|given)\b`, "It IS given, this is tired. is is painted")
	f.Add(`(?m)^(?:ab|abc)d?`, "abcd\nab abc\nabc")
	f.Add(`\b(\w+)\b`, "one two_3 thr-ee café")
	f.Add(`[^\s]+`, "a  b\tc é")
	f.Add(`\b[A-Z]{3,5}\b`, "HFA and HCTBX and HCTBXY and ABc")
	f.Add(`(?i)\bso\b`, "So so, also")
	f.Fuzz(func(t *testing.T, expr, text string) {
		if len(expr) > 100 {
			return
		}
		p, err := compile(expr)
		if err != nil || p.re == nil {
			return
		}
		want := p.re.FindAllStringIndex(text, -1)
		var got [][]int
		switch {
		case p.runs != nil:
			p.runs.FindAll([]byte(text), func(a, b int) { got = append(got, []int{a, b}) })
		case p.anchor():
			lower := []byte(text)
			for i, c := range lower {
				lower[i] = lowerByte(c)
			}
			last := -1
			for i := range text {
				if i < last {
					continue
				}
				for _, l := range p.prefix {
					if strings.HasPrefix(string(lower[i:]), l) {
						if end := p.matchAt([]byte(text), i); end >= 0 {
							got = append(got, []int{i, end})
							last = end
						}
						break
					}
				}
			}
		default:
			return
		}
		// Empty matches are never reported by the styles.
		want = slices.DeleteFunc(want, func(m []int) bool { return m[0] == m[1] })
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%q on %q: got %v, want %v", expr, text, got, want)
		}
	})
}
