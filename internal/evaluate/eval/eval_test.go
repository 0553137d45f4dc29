package eval

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/rules"
)

func TestUnescape(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:             "plain",
		`a\nb\tc\rd`:        "a\nb\tc\rd",
		`\\t\\tif`:          `\t\tif`,
		`Go\\\\!`:           `Go\\!`,
		`ends with \`:       `ends with \`,
		`\x stays, \\n too`: `\x stays, \n too`,
	} {
		if got := Unescape(in); got != want {
			t.Errorf("Unescape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		before, after string
		want          PairClass
	}{
		{"of this technique in Rust is the the fact that", "of this technique in Rust is the fact that", ClassDoubledWord},
		{"and and your interest in Go-related events.", "and your interest in Go-related events.", ClassDoubledWord},
		{"It it is here.", "It is here.", ClassDoubledWord},
		{"the big cat", "the cat", ClassWords},
		{"Posted the update. ", "Posted the update.", ClassTrailing},
		{"    ", "", ClassTrailing},
		{"The gallery opened.  Tickets are free.", "The gallery opened. Tickets are free.", ClassMultipleSpaces},
		{"   indented  twice", "   indented twice", ClassMultipleSpaces},
		{"   indented", " indented", ClassOtherWhitespace},
		{"How to expect custom cfgs without a `build.rs` ?", "How to expect custom cfgs without a `build.rs`?", ClassSpaceBefore},
		{"- [The `a`,`b`,`c`, `d`,", "- [The `a`, `b`, `c`, `d`,", ClassSpaceAfter},
		{"fixed int his release", "fixed in this release", ClassOtherWhitespace},
		{"| Trans    |", "| Trans        |", ClassOtherWhitespace},
		{"and we're still working at it..", "and we're still working at it.", ClassRepeatedPunct},
		{"choose not to renew,. The Foundation", "choose not to renew. The Foundation", ClassRepeatedPunct},
		{"*** Minimize new concepts", "** Minimize new concepts", ClassOtherPunct},
		{"* Publish the report", "* Publish the report.", ClassTerminalList},
		{"  4. If no slot contains the key", "  4. If no slot contains the key.", ClassTerminalList},
		{"blocked for the duration of the period)", "blocked for the duration of the period).", ClassTerminal},
		{"which is then stored in `s`,", "which is then stored in `s`.", ClassOtherPunct},
		{"[[https://golang.org/issue/6853][#6853]]).", "[[https://golang.org/issue/6853][#6853]].", ClassBrackets},
		{`He said "yes.`, `He said "yes."`, ClassQuotes},
		{"Niko, David and Jack", "Niko, David, and Jack", ClassOtherPunct},
		{"same", "same", ClassUnchanged},
	} {
		if got := Classify(tc.before, tc.after); got != tc.want {
			t.Errorf("Classify(%q, %q) = %q, want %q", tc.before, tc.after, got.Name, tc.want.Name)
		}
	}
}

func TestMapLanguageTool(t *testing.T) {
	for _, tc := range []struct {
		ex   Example
		want string // rules joined by ","; "" when skipped
	}{
		{Example{Class: "EnglishWordRepeatRule", Expect: "ok"}, "repeated-word"},
		{Example{Class: "WordRepeatRule(en)", Expect: "error"}, "repeated-word"},
		{Example{Class: "DoublePunctuationRule", Expect: "error"}, "repeated-punctuation"},
		{Example{Class: "CommaWhitespaceRule", Expect: "error", Sentence: "This , is a test sentence."}, "space-before-punctuation"},
		{Example{Class: "CommaWhitespaceRule", Expect: "error", Sentence: "This,is a test sentence."}, "missing-space-after-punctuation"},
		{Example{Class: "CommaWhitespaceRule", Expect: "error", Sentence: "This ,is a test sentence."}, "space-before-punctuation,missing-space-after-punctuation"},
		{Example{Class: "CommaWhitespaceRule", Expect: "error", Sentence: ",is a test sentence."}, "missing-space-after-punctuation"},
		{Example{Class: "CommaWhitespaceRule", Expect: "error", Sentence: "This ,", Correction: ","}, "space-before-punctuation"},
		{Example{Class: "CommaWhitespaceRule", Expect: "error", Sentence: `You " fixed" it.`, Correction: `"`}, ""},
		{Example{Class: "CommaWhitespaceRule", Expect: "error", Sentence: "ABB (  z.B. )"}, "space-before-punctuation"},
		{Example{Class: "CommaWhitespaceRule", Expect: "ok", Sentence: "This, is, a test sentence."}, "space-before-punctuation,missing-space-after-punctuation"},
		{Example{Class: "MultipleWhitespaceRule", Expect: "error"}, "multiple-spaces"},
		{Example{Class: "SentenceWhitespaceRule", Expect: "error"}, "missing-space-after-punctuation"},
		{Example{Class: "GenericUnpairedBracketsRule(»«)", Expect: "error", Sentence: "This is »not correct"}, "unbalanced-quotes"},
		{Example{Class: "GenericUnpairedBracketsRule(»«)", Expect: "ok", Sentence: "This is funny :-)"}, "unbalanced-brackets"},
		{Example{Class: "EnglishUnpairedBracketsRule", Expect: "ok"}, "unbalanced-brackets"},
		{Example{Class: `GenericUnpairedQuotesRule(»« «» "" '' ›‹ ‹›)`, Expect: "ok"}, "unbalanced-quotes"},
		{Example{Class: "EnglishUnpairedQuotesRule", Expect: "error"}, "unbalanced-quotes"},
		{Example{Class: "grammar.xml:PUNCTUATION/NO_SPACE_CLOSING_QUOTE", Expect: "error"}, "missing-space-after-punctuation"},
		{Example{Class: "grammar.xml:MISC/PHRASE_REPETITION", Expect: "error"}, ""},
		{Example{Class: "grammar.xml:MISC/DT_DT", Expect: "error"}, ""},
		{Example{Class: "QuotesWhitespaceRule", Expect: "error"}, ""},
	} {
		rules, skip := MapLanguageTool(tc.ex)
		if got := strings.Join(rules, ","); got != tc.want || (got == "") != (skip != "") {
			t.Errorf("MapLanguageTool(%s %s %q) = %q (%q), want %q", tc.ex.Class, tc.ex.Expect, tc.ex.Sentence, got, skip, tc.want)
		}
	}
	for _, tc := range []struct {
		ex   Example
		want string
	}{
		{Example{Class: "proselint:lexical_illusions", Expect: "error"}, "repeated-word"},
		{Example{Class: "proselint:typography.punctuation", Expect: "error", Sentence: "This is bad.  Not consistent."}, "multiple-spaces"},
		{Example{Class: "proselint:typography.punctuation", Expect: "error", Sentence: "Really??"}, "repeated-punctuation"},
		{Example{Class: "proselint:typography.punctuation", Expect: "error", Sentence: "What is going on?!"}, ""},
		{Example{Class: "proselint:typography.symbols", Expect: "error", Sentence: "The long and winding road..."}, ""},
		{Example{Class: "proselint:typography.symbols", Expect: "ok", Sentence: "Smoke phrase."}, "multiple-spaces,repeated-punctuation"},
		{Example{Class: "proselint:cliches.misc", Expect: "error"}, ""},
	} {
		rules, _ := MapProselint(tc.ex)
		if got := strings.Join(rules, ","); got != tc.want {
			t.Errorf("MapProselint(%s %q) = %q, want %q", tc.ex.Class, tc.ex.Sentence, got, tc.want)
		}
	}
}

// TestExampleArticle checks that the sentence is the article's body, not its title or label.
func TestExampleArticle(t *testing.T) {
	for _, s := range []string{"That that", "Short one", "\n\tThis is a test sentence...", "This.\nSome stuff.\nIt »is a test."} {
		src, start := ExampleArticle(s)
		if string(src[start:start+len(s)]) != s {
			t.Fatalf("sentence not at %d in %q", start, src)
		}
		doc, err := parse.Parse("example.txt", src)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Title != strings.TrimSpace(exampleTitle) {
			t.Errorf("%q: title %q", s, doc.Title)
		}
		for _, b := range doc.Blocks {
			if b.Start >= start && b.Role != document.RoleBody {
				t.Errorf("%q: block %q has role %s", s, src[b.Start:b.End], b.Role)
			}
		}
	}
}

func TestTables(t *testing.T) {
	known := map[string]bool{}
	for _, k := range corpusgen.AllKinds() {
		known[k] = true
	}
	issue := map[string]bool{}
	for _, ir := range IssueRules {
		if issue[ir.ID] {
			t.Errorf("issue rule %s listed twice", ir.ID)
		}
		issue[ir.ID] = true
	}
	injected := map[string]bool{}
	for _, inj := range Injections {
		if !known[inj.Kind] {
			t.Errorf("injection kind %q unknown to corpusgen", inj.Kind)
		}
		if !issue[inj.Rule] {
			t.Errorf("injection %s is meant for %q, not an issue rule", inj.Kind, inj.Rule)
		}
		for _, a := range inj.Also {
			if !issue[a] {
				t.Errorf("injection %s: also-rule %q is not an issue rule", inj.Kind, a)
			}
		}
		injected[inj.Rule] = true
	}
	for _, ir := range IssueRules {
		if !injected[ir.ID] {
			t.Errorf("issue rule %s has no injection", ir.ID)
		}
	}
	for _, c := range MechanicalClasses {
		if !issue[c.Rule] {
			t.Errorf("class %q: rule %q is not an issue rule", c.Name, c.Rule)
		}
	}
}

// TestRoundTrip plants every kind of defect in a small corpus and holds the registered issue
// rules to the round-trip targets; rules not registered yet are reported, not tested.
func TestRoundTrip(t *testing.T) {
	reg := rules.Registry()
	rs := Resolve(reg)
	env := New(reg)
	opts := RoundTripOptions{Bytes: 160 << 10, Seed: 3}
	rt, err := env.MeasureRoundTrip(opts, rs)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rt.Print(&out, testing.Verbose())
	t.Log("\n" + out.String())
	for _, f := range rt.Failures() {
		t.Error(f)
	}
	for _, k := range rt.Kinds {
		if k.Injected == 0 {
			t.Errorf("kind %s: nothing planted in %d articles", k.Injection.Kind, rt.Articles)
		}
		if rs.Lookup(k.Injection.Rule) == nil && k.Found != 0 {
			t.Errorf("kind %s: found %d by a rule that is not registered", k.Injection.Kind, k.Found)
		}
	}
	registered := 0
	for _, r := range rt.Rules {
		if r.Registered && r.Injected > 0 {
			registered++
		}
	}
	if registered == 0 {
		t.Error("no registered rule was measured")
	}
	// The same options give the same numbers.
	again, err := env.MeasureRoundTrip(opts, rs)
	if err != nil {
		t.Fatal(err)
	}
	var out2 bytes.Buffer
	again.Print(&out2, testing.Verbose())
	if out.String() != out2.String() {
		t.Error("two round trips with the same seed differ")
	}
}

// TestRoundTripCountsFalseAlarms checks the bookkeeping with a rule that reports every word
// "museum": on clean text all its findings are false alarms.
func TestRoundTripCountsFalseAlarms(t *testing.T) {
	noisy := &lint.Rule{
		ID: "museum-word", Category: lint.CategoryTypography, Severity: lint.SeverityWarning,
		Doc: lint.Doc{Title: "t", Why: "w", Wrong: "museum"},
		Run: func(p *lint.Pass) {
			src := p.Doc.Src
			for _, tok := range p.Doc.Tokens {
				if tok.Kind() == document.TokWord && strings.EqualFold(string(src[tok.Start:tok.End()]), "museum") {
					p.Reportf(int(tok.Start), int(tok.End()), "museum")
				}
			}
		},
	}
	reg, err := lint.NewRegistry(append(rules.All(), noisy)...)
	if err != nil {
		t.Fatal(err)
	}
	rt, err := New(reg).MeasureRoundTrip(RoundTripOptions{Bytes: 40 << 10, Seed: 1}, Resolve(reg))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rt.Rules {
		if r.Rule != "museum-word" {
			continue
		}
		if r.OnClean == 0 || r.Hits != 0 || r.Precision() != 0 {
			t.Errorf("museum-word: %d on clean text, %d hits, precision %.2f", r.OnClean, r.Hits, r.Precision())
		}
		return
	}
	t.Error("museum-word not in the round trip")
}

func TestAgreement(t *testing.T) {
	lt := filepath.Join(linttest.SharedCorpus(t, "languagetool"), "examples.tsv")
	pl := filepath.Join(linttest.SharedCorpus(t, "proselint"), "examples.tsv")
	reg := rules.Registry()
	rs := Resolve(reg)
	env := New(reg)
	for _, src := range []struct {
		name, path      string
		mapf            Mapper
		rows, errorRows int
		classes         []string // must be mapped
	}{
		{"LanguageTool", lt, MapLanguageTool, 795, 236, []string{"WordRepeatRule", "EnglishWordRepeatRule", "DoublePunctuationRule",
			"CommaWhitespaceRule", "MultipleWhitespaceRule", "SentenceWhitespaceRule", "GenericUnpairedBracketsRule(»«)",
			"EnglishUnpairedBracketsRule", "EnglishUnpairedQuotesRule"}},
		{"proselint", pl, MapProselint, 331, -1, []string{"proselint:lexical_illusions", "proselint:typography.punctuation"}},
	} {
		exs, err := ReadExamples(src.path)
		if err != nil {
			t.Fatal(err)
		}
		errs := 0
		for _, ex := range exs {
			if ex.Expect == "error" {
				errs++
			}
		}
		if len(exs) != src.rows || src.errorRows >= 0 && errs != src.errorRows {
			t.Errorf("%s: %d rows, %d errors; want %d, %d", src.name, len(exs), errs, src.rows, src.errorRows)
		}
		ag, err := env.MeasureAgreement(src.name, exs, src.mapf, rs)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		ag.Print(&out, rs, testing.Verbose())
		t.Log("\n" + out.String())
		mapped := map[string]bool{}
		for _, ra := range ag.Rules {
			for c := range ra.checkerClasses {
				mapped[c] = true
			}
			if ra.Registered && ra.Agree()+len(ra.Disagreements) != ra.Rows() {
				t.Errorf("%s %s: %d agree + %d disagree != %d rows", src.name, ra.Rule, ra.Agree(), len(ra.Disagreements), ra.Rows())
			}
		}
		for _, c := range src.classes {
			if !mapped[c] {
				t.Errorf("%s: class %s mapped to no rule", src.name, c)
			}
		}
	}
}

// TestRealDefects runs the mechanical typo fixes: a registered rule must flag no fixed line, and
// repeated-word must flag every doubled word that was fixed and the ones still in the Rust blog.
func TestRealDefects(t *testing.T) {
	dir := linttest.SharedCorpus(t, "typo-fix-pairs")
	root := filepath.Dir(dir)
	pairs, err := ReadPairs(dir)
	if err != nil {
		t.Fatal(err)
	}
	reg := rules.Registry()
	rs := Resolve(reg)
	env := New(reg)
	rd, err := env.MeasurePairs(pairs, rs, root)
	if err != nil {
		t.Fatal(err)
	}
	if rd.Known, err = env.MeasureKnownDoubles(root, []string{"blog.rust-lang.org"}, rs); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rd.Print(&out, rs, testing.Verbose())
	t.Log("\n" + out.String())
	if rd.InContext == 0 {
		t.Error("no pair was linted inside its article")
	}
	for _, cr := range rd.Classes {
		if !cr.Registered {
			continue
		}
		before, after, restored := cr.Counts()
		if after > 0 {
			t.Errorf("%s: flags %d of %d fixed lines", cr.Class.Rule, after, len(cr.Pairs))
		}
		if cr.Class == ClassDoubledWord {
			if len(cr.Pairs) < 15 || before != len(cr.Pairs) || restored != len(cr.Pairs) {
				t.Errorf("repeated-word: %d doubled-word fixes, %d flagged, %d restored", len(cr.Pairs), before, restored)
			}
		}
	}
	if rs.Lookup("repeated-word") != nil {
		for _, k := range rd.Known {
			switch k.Phrase {
			case "of the the", "it it is":
				if len(k.Found) == 0 || len(k.Missed) > 0 {
					t.Errorf("%q in the Rust blog: found %v, missed %v", k.Phrase, k.Found, k.Missed)
				}
			}
		}
	}
}
