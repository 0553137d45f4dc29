package lint

import (
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/document"
)

// rule returns a valid document rule that runs run.
func rule(id string, run func(*Pass), requires ...Requirement) *Rule {
	return &Rule{ID: id, Category: CategoryTypography, Severity: SeverityWarning, Run: run, Requires: requires,
		Doc: Doc{Title: "t", Why: "w", Wrong: "x"}}
}

func TestInputBuiltOnceADocument(t *testing.T) {
	builds := 0
	words := &Input[int]{Name: "word count", Build: func(p *Pass) int {
		builds++
		if p.Rule != nil || p.Options.set != nil || p.Sink != nil {
			t.Error("Build sees the rule that asked first")
		}
		return len(p.Doc.Tokens)
	}}
	var got []int
	read := func(p *Pass) { got = append(got, words.Of(p)) }
	a, b := rule("a", read, words), rule("b", read, words)
	doc := &document.Document{Summary: &document.Summary{}, Tokens: make([]document.Token, 3)}

	shared := new(DocInputs)
	for _, r := range []*Rule{a, b} {
		r.Run(&Pass{Rule: r, Doc: doc, Inputs: shared})
	}
	if builds != 1 || len(got) != 2 || got[0] != 3 || got[1] != 3 {
		t.Errorf("with a DocInputs: %d builds, values %v; want 1 build, [3 3]", builds, got)
	}
	// Another document has its own inputs.
	other := &document.Document{Summary: &document.Summary{}, Tokens: make([]document.Token, 5)}
	a.Run(&Pass{Rule: a, Doc: other, Inputs: new(DocInputs)})
	if builds != 2 || got[2] != 5 {
		t.Errorf("another document: %d builds, value %d; want 2 builds, 5", builds, got[2])
	}
	// Without one (lint.Check), each reading builds.
	Check(a, doc, Options{})
	Check(b, doc, Options{})
	if builds != 4 {
		t.Errorf("without a DocInputs: %d builds, want 4", builds)
	}
}

func TestDocInputsRelease(t *testing.T) {
	var released []string
	mk := func(name string) *Input[string] {
		return &Input[string]{Name: name, Build: func(*Pass) string { return name }, Release: func(v string) { released = append(released, v) }}
	}
	used, unused := mk("used"), mk("unused")
	plain := &Input[int]{Name: "no release", Build: func(*Pass) int { return 1 }}
	r := rule("r", func(p *Pass) { used.Of(p); plain.Of(p) }, used, unused, plain)
	inputs := new(DocInputs)
	r.Run(&Pass{Rule: r, Doc: &document.Document{Summary: &document.Summary{}}, Inputs: inputs})
	inputs.Release()
	inputs.Release() // nothing is released twice
	if !slices.Equal(released, []string{"used"}) {
		t.Errorf("released %q, want only the input built", released)
	}
}

func TestInputNotRequiredPanics(t *testing.T) {
	in := &Input[string]{Name: "secret", Build: func(*Pass) string { return "" }}
	r := rule("undeclared", func(p *Pass) { in.Of(p) })
	defer func() {
		msg, _ := recover().(string)
		if !strings.Contains(msg, `rule undeclared reads the input "secret" but does not list it in Requires`) {
			t.Errorf("panic = %q", msg)
		}
	}()
	Check(r, &document.Document{Summary: &document.Summary{}}, Options{})
	t.Error("reading an undeclared input did not panic")
}

func TestValidateInputs(t *testing.T) {
	ok := &Input[int]{Name: "ok", Build: func(*Pass) int { return 0 }}
	noop := func(*Pass) {}
	corpus := rule("corpus", nil)
	corpus.Corpus = Corpus(func(*CorpusPass) {})
	corpus.Needs = document.HasBracket
	unknown := rule("unknown-facts", noop)
	unknown.Needs = document.KnownFacts + 1
	for _, c := range []struct {
		r    *Rule
		want string // "" when valid
	}{
		{rule("fine", noop, ok), ""},
		{rule("nil-input", noop, (*Input[int])(nil)), "Requires[0]: a nil input"},
		{rule("nil-interface", noop, nil), "Requires[0] is nil"},
		{rule("unnamed", noop, &Input[int]{Build: ok.Build}), "an input without a name"},
		{rule("no-build", noop, &Input[int]{Name: "x"}), `input "x" has no Build`},
		{rule("twice", noop, ok, ok), `Requires lists "ok" twice`},
		{corpus, "Needs but has no Run"},
		{unknown, "Needs unknown block facts 0x800"},
	} {
		err := Validate([]*Rule{c.r})
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.r.ID, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want %q", c.r.ID, err, c.want)
		}
	}
}

func TestPassBlocks(t *testing.T) {
	blocks := []document.Block{{Facts: document.HasBracket}, {}, {Facts: document.HasNonASCII | document.HasBracket}, {Facts: document.AnyFacts}}
	doc := &document.Document{Summary: &document.Summary{}, Blocks: blocks}
	for _, c := range []struct {
		needs document.BlockFacts
		stop  int // stop after this many; 0: never
		want  []int
	}{
		{0, 0, []int{0, 1, 2, 3}},
		{document.HasBracket, 0, []int{0, 2, 3}},
		{document.HasNonASCII | document.HasAmpersand, 0, []int{2, 3}},
		{document.HasAmpersand, 0, []int{3}},
		{document.HasBracket, 2, []int{0, 2}},
	} {
		r := rule("r", nil)
		r.Needs = c.needs
		var got []int
		for i, b := range (&Pass{Rule: r, Doc: doc}).Blocks() {
			if b != &doc.Blocks[i] {
				t.Errorf("block %d is not the document's", i)
			}
			got = append(got, i)
			if len(got) == c.stop {
				break
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("needs %v: blocks %v, want %v", c.needs, got, c.want)
		}
	}
}

// An input's Build sees the driver's Values: what it keeps across
// documents (a pool of scratch memory) is the engine's, one per engine.
func TestInputBuildSeesValues(t *testing.T) {
	made := 0
	pool := NewProjectValue("counter", func(*Project) *int { made++; return new(int) })
	uses := &Input[int]{Name: "uses", Build: func(p *Pass) int {
		n := pool.Get(p)
		*n++
		return *n
	}}
	r := rule("r", func(p *Pass) { uses.Of(p) }, uses)
	doc := &document.Document{Summary: &document.Summary{}}
	engineA, engineB := new(Values), new(Values)
	for _, vs := range []*Values{engineA, engineA, engineB} {
		r.Run(&Pass{Rule: r, Doc: doc, Inputs: new(DocInputs), Values: vs})
	}
	if made != 2 || *pool.Get(&Pass{Values: engineA}) != 2 || *pool.Get(&Pass{Values: engineB}) != 1 {
		t.Errorf("%d values made, want one an engine, kept by the engine across documents", made)
	}
}
