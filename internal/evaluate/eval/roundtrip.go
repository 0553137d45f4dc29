package eval

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// Round-trip targets.
const (
	RecallSafe     = 1.00 // rules whose fixes are all safe
	RecallOther    = 0.95
	RestoredSafe   = 1.00 // rules whose fixes are all safe, on the injections a right fix undoes
	PrecisionFloor = 0.98
)

// place says where an injection goes in a clean article.
type place uint8

const (
	placeWord  place = iota // a word of a body paragraph, list item or block quote
	placeEnd                // the end of a body paragraph
	placeGap                // the end of a body paragraph followed by exactly one blank line
	placeStart              // the start of an unindented body paragraph
)

// An Injection plants defects of one corpusgen kind, each meant for one rule.
type Injection struct {
	Kind string // a corpusgen kind
	Rule string // the issue rule that should find it
	// Restorable is set when the right safe fix gives the original bytes back: removing a
	// doubled word does, guessing the word an "&amp;" stood for does not.
	Restorable bool
	// Also lists rules that may report the same defect without that being a false alarm.
	Also  []string
	Place place
	Text  bool // plain-text articles only: the defect is Markdown syntax in Markdown
	// Accept adds conditions on the place, so that what is planted is a defect by the rule's own
	// documented terms (no U+00A0 in "10 km", where the nbsp rule rightly keeps it).
	Accept func(s *site) bool
}

// Injections lists what the round trip plants: at least one kind for every issue rule.
var Injections = []Injection{
	{Kind: corpusgen.KindDoubledWord, Rule: "repeated-word", Restorable: true, Accept: ordinaryWord},
	{Kind: corpusgen.KindDoubledPunctuation, Rule: "repeated-punctuation", Restorable: true, Accept: endsWith(".,;:")},
	{Kind: corpusgen.KindSpaceBeforeComma, Rule: "space-before-punctuation", Restorable: true},
	{Kind: corpusgen.KindSpaceBeforePunctuation, Rule: "space-before-punctuation", Restorable: true},
	{Kind: corpusgen.KindMissingSpaceAfter, Rule: "missing-space-after-punctuation", Restorable: true},
	{Kind: corpusgen.KindDoubleSpace, Rule: "multiple-spaces", Restorable: true},
	{Kind: corpusgen.KindUnbalancedQuote, Rule: "unbalanced-quotes"},
	{Kind: corpusgen.KindMismatchedQuote, Rule: "unbalanced-quotes", Also: []string{"quote-style"}},
	{Kind: corpusgen.KindUnbalancedBracket, Rule: "unbalanced-brackets", Accept: asideInBrackets},
	{Kind: corpusgen.KindMixedQuotes, Rule: "quote-style", Restorable: true, Accept: styleKnown},
	{Kind: corpusgen.KindTrailingSpace, Rule: "trailing-whitespace", Restorable: true, Place: placeEnd},
	{Kind: corpusgen.KindTrailingNBSP, Rule: "trailing-whitespace", Restorable: true, Place: placeEnd},
	{Kind: corpusgen.KindBlankLines, Rule: "blank-lines", Restorable: true, Place: placeGap},
	{Kind: corpusgen.KindMissingTerminal, Rule: "terminal-punctuation", Restorable: true, Place: placeEnd},
	{Kind: corpusgen.KindNBSPSpace, Rule: "nbsp", Restorable: true, Accept: betweenWords},
	{Kind: corpusgen.KindZeroWidthSpace, Rule: "invisible-char", Restorable: true},
	{Kind: corpusgen.KindFullwidthComma, Rule: "fullwidth-punctuation", Restorable: true, Accept: notBeforeDigit},
	{Kind: corpusgen.KindFullwidthPunctuation, Rule: "fullwidth-punctuation", Restorable: true, Accept: notBeforeDigit},
	{Kind: corpusgen.KindHTMLEntity, Rule: "html-entity", Accept: entityIsDefect},
	{Kind: corpusgen.KindEntityChar, Rule: "html-entity", Restorable: true, Accept: plainNoQuotes},
	{Kind: corpusgen.KindMojibake, Rule: "mojibake", Restorable: true},
	{Kind: corpusgen.KindImageLine, Rule: "image-placeholder", Restorable: true, Place: placeGap},
	{Kind: corpusgen.KindSeparatorLine, Rule: "separator-line", Restorable: true, Place: placeGap, Text: true},
	{Kind: corpusgen.KindBulletArtifact, Rule: "bullet-artifact", Restorable: true, Place: placeStart, Text: true},
	{Kind: corpusgen.KindDecomposed, Rule: "unicode-normalization", Restorable: true},
}

// artifacts says, for the rules that remove export debris, which findings on a clean generated
// article are on debris the generator writes on purpose (image file names, rules under titles,
// list-page bullets): those are neither hits nor false alarms.
var artifacts = map[string]func(doc *document.Document, d lint.Diagnostic) bool{
	"image-placeholder": func(doc *document.Document, d lint.Diagnostic) bool {
		return onBlock(doc, d, func(b *document.Block) bool { return b.Role == document.RoleImage })
	},
	"separator-line": func(doc *document.Document, d lint.Diagnostic) bool {
		return onBlock(doc, d, func(b *document.Block) bool { return b.Kind == document.KindSeparator })
	},
	// In a list-page export, bullet-artifact removes the bullets and the indentation of every
	// block.
	"bullet-artifact": func(doc *document.Document, d lint.Diagnostic) bool {
		list := false
		for i := range doc.Blocks {
			list = list || doc.Blocks[i].Bullet
		}
		return list && onBlock(doc, d, func(b *document.Block) bool { return b.Bullet || b.Prose.Start > b.Start })
	},
}

func onBlock(doc *document.Document, d lint.Diagnostic, is func(*document.Block) bool) bool {
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if is(b) && overlaps(d, b.Start, b.End) {
			return true
		}
	}
	return false
}

// A site is a candidate place for one defect.
type site struct {
	doc                *document.Document
	block              *document.Block
	lineStart, lineEnd int // the line the injector gets, line break excluded
	at                 int // absolute; the word start for word kinds
}

// word returns the space-delimited word at the site.
func (s *site) word() []byte {
	src := s.doc.Src
	end := s.at
	for end < s.lineEnd && src[end] != ' ' {
		end++
	}
	return src[s.at:end]
}

// legitimate doubles: grammar ("had had", "that that", "is is" in "what it is is", "do do"), and
// the interjections and intensifiers repeated-word documents as left alone.
var legitDoubles = map[string]bool{
	"had": true, "that": true, "is": true, "no": true, "so": true, "very": true, "well": true, "now": true,
	"there": true, "her": true, "his": true, "yes": true, "bye": true, "ha": true, "night": true, "sing": true,
	"hip": true, "do": true, "can": true, "in": true, "far": true, "long": true, "ever": true, "indeed": true,
	"quite": true, "truly": true, "really": true, "too": true, "old": true, "little": true, "poor": true,
	"dear": true, "sweet": true, "much": true, "many": true, "hundred": true, "thousand": true, "million": true, "billion": true,
}

// asideInBrackets accepts a bracket pair holding words, not "(555)" or "(a)", whose halves read
// as a list label when alone.
func asideInBrackets(s *site) bool {
	src := s.doc.Src
	letters := 0
	for j := s.at + 1; j < s.lineEnd && src[j] != ')' && src[j] != ']'; j++ {
		if isASCIILetter(src[j]) {
			letters++
		}
	}
	return letters >= 2
}

// notBeforeDigit accepts a mark not followed by a number: "May 10，2018" may be fixed to
// "May 10,2018", as "1，000" must become "1,000".
func notBeforeDigit(s *site) bool {
	w := s.word()
	end := s.at + len(w)
	src := s.doc.Src
	return end+1 < len(src) && (src[end+1] < '0' || src[end+1] > '9')
}

// entityIsDefect keeps the html-entity kinds to plain text: in Markdown an entity reference is
// markup the author chose, reported only under check-markdown.
func entityIsDefect(s *site) bool { return s.doc.Format == document.FormatText }

// plainNoQuotes is noQuotes in plain text only (see entityIsDefect).
func plainNoQuotes(s *site) bool { return entityIsDefect(s) && noQuotes(s) }

// noQuotes keeps double quotation marks out of entity-char: the entity would leave its partner
// unpaired, a second defect.
func noQuotes(s *site) bool { return !bytes.ContainsAny(s.word(), "\"“”") }

// ordinaryWord accepts a word whose double repeated-word must fix safely: not a documented
// legitimate double, and not a capitalised word (repeated-word reads a capitalised double as a
// name, "Walla Walla", which it does not remove safely) unless it is all capitals.
func ordinaryWord(s *site) bool {
	w := s.word()
	if len(w) > 0 && w[0] >= 'A' && w[0] <= 'Z' && !bytes.Equal(w, bytes.ToUpper(w)) {
		return false
	}
	return !legitDoubles[strings.ToLower(string(w))]
}

func endsWith(set string) func(*site) bool {
	return func(s *site) bool {
		w := s.word()
		return len(w) > 0 && strings.IndexByte(set, w[len(w)-1]) >= 0
	}
}

// betweenWords accepts a space between a word ending in a lower-case letter and a word starting
// with a letter: not after "Mr." or "No.", not between a number and its unit.
func betweenWords(s *site) bool {
	src := s.doc.Src
	return s.at >= 2 && src[s.at-2] >= 'a' && src[s.at-2] <= 'z' && isASCIILetter(src[s.at])
}

// styleKnown accepts a quotation of Latin words in an article whose double quotation marks
// all follow one style, with at least three other quotations: there a quotation in the other style
// is a mix, not a choice. quote-style judges quotation marks and apostrophes each on their own
// (the generator writes curly quotes with straight apostrophes, a consistent house style), and
// leaves quotation marks around Chinese to their own conventions, so those are not counted.
func styleKnown(s *site) bool {
	w := s.word()
	curly := bytes.HasPrefix(w, []byte("“"))
	src := s.doc.Src
	close := s.at + len(w)
	if curly {
		close = s.at + bytes.Index(src[s.at:s.lineEnd], []byte("”"))
	} else if i := bytes.IndexByte(src[s.at+1:s.lineEnd], '"'); i >= 0 {
		close = s.at + 1 + i
	}
	if close <= s.at || hasCJK(src[s.at:close]) {
		return false
	}
	same, other := 0, 0
	for i := range s.doc.Blocks {
		b := &s.doc.Blocks[i]
		if b.Role == document.RoleNone || b.Role == document.RoleNavigation || b.Role == document.RoleImage {
			continue
		}
		c, st := countDoubles(src[b.Prose.Start:b.End])
		if curly {
			same, other = same+c, other+st
		} else {
			same, other = same+st, other+c
		}
	}
	// Three quotations or more: with one on each side there is no majority,
	// and no telling which of the two is the slip.
	return other == 0 && same >= 6
}

func hasCJK(b []byte) bool {
	for _, r := range string(b) {
		if r >= 0x2E80 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0xFF00 && r <= 0xFFEF {
			return true
		}
	}
	return false
}

// RoundTripOptions say how much to generate.
type RoundTripOptions struct {
	Bytes int64 // of clean articles
	Seed  int64
}

// RuleRoundTrip is one rule's result.
type RuleRoundTrip struct {
	Rule       string // the issue ID, or the registered ID of a rule outside the issue
	Registered bool
	Injected   int
	Found      int
	Hits       int // findings on defects meant for the rule
	OnClean    int // findings on clean articles: false alarms
	Stray      int // findings the injections caused elsewhere, or on another rule's defect
	Also       int // findings on another rule's defect that this rule may also report
	Artifacts  int // findings on debris the generator writes on purpose
	Restorable int
	Restored   int
	// Examples, a few of each: defects missed, false alarms, fixes that did not restore.
	Misses, FalseAlarms, Unrestored []string
}

// Recall returns found / injected.
func (r *RuleRoundTrip) Recall() float64 { return ratio(r.Found, r.Injected) }

// Precision returns hits over all findings that count.
func (r *RuleRoundTrip) Precision() float64 { return ratio(r.Hits, r.Hits+r.OnClean+r.Stray) }

// KindRoundTrip is one injection kind's result.
type KindRoundTrip struct {
	Injection            *Injection
	Injected, Found      int
	Restorable, Restored int
}

// RoundTrip is the whole round trip.
type RoundTrip struct {
	Articles, Bytes int
	CleanChanged    int // clean articles that safe fixes change (their findings count as false alarms)
	Rules           []*RuleRoundTrip
	Kinds           []*KindRoundTrip
	rs              *Rules
}

// Failures lists the targets a registered issue rule misses.
func (rt *RoundTrip) Failures() []string {
	var out []string
	for _, r := range rt.Rules {
		rule := rt.rs.Lookup(r.Rule)
		if rule == nil || r.Injected == 0 || !rt.rs.issue[rule.ID] {
			continue
		}
		recall := RecallOther
		if rule.Fixable == lint.FixSafe {
			recall = RecallSafe
		}
		if r.Recall() < recall {
			out = append(out, fmt.Sprintf("%s: recall %s, target %.0f%%", rule.ID, percent(r.Found, r.Injected), 100*recall))
		}
		if rule.Fixable == lint.FixSafe && r.Restorable > 0 && ratio(r.Restored, r.Restorable) < RestoredSafe {
			out = append(out, fmt.Sprintf("%s: restored %s, target %.0f%%", rule.ID, percent(r.Restored, r.Restorable), 100*RestoredSafe))
		}
		if r.Precision() < PrecisionFloor {
			out = append(out, fmt.Sprintf("%s: precision %s, target %.0f%%", rule.ID, percent(r.Hits, r.Hits+r.OnClean+r.Stray), 100*PrecisionFloor))
		}
	}
	return out
}

// articleResult is what one clean article contributes.
type articleResult struct {
	rules   map[string]*RuleRoundTrip // by issue ID or registered ID
	kinds   []KindRoundTrip
	changed bool // safe fixes change the clean article
}

func (ar *articleResult) rule(id string) *RuleRoundTrip {
	r := ar.rules[id]
	if r == nil {
		r = &RuleRoundTrip{Rule: id}
		ar.rules[id] = r
	}
	return r
}

const maxExamples = 8

// example adds an example to one of a rule's lists, kept short.
func (ar *articleResult) example(id string, list func(*RuleRoundTrip) *[]string, format string, args ...any) {
	l := list(ar.rule(id))
	if len(*l) < maxExamples {
		*l = append(*l, fmt.Sprintf(format, args...))
	}
}

func misses(r *RuleRoundTrip) *[]string      { return &r.Misses }
func falseAlarms(r *RuleRoundTrip) *[]string { return &r.FalseAlarms }
func unrestored(r *RuleRoundTrip) *[]string  { return &r.Unrestored }

// MeasureRoundTrip generates clean articles, plants each kind of defect once in each article
// where it has a place (one defect per linted text), lints, and fixes.
func (e *Env) MeasureRoundTrip(opts RoundTripOptions, rs *Rules) (*RoundTrip, error) {
	var arts []corpusgen.Article
	err := corpusgen.Generate(corpusgen.Options{Bytes: opts.Bytes, Seed: opts.Seed, MarkdownShare: -1}, func(a corpusgen.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// An issue rule is counted under its issue ID; findings are reported under registered IDs.
	issueID := map[string]string{}
	for _, ir := range IssueRules {
		if r := rs.Lookup(ir.ID); r != nil {
			issueID[r.ID] = ir.ID
		}
	}
	key := func(registered string) string {
		if id, ok := issueID[registered]; ok {
			return id
		}
		return registered
	}
	results := make([]*articleResult, len(arts))
	errs := make([]error, len(arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				r := rand.New(rand.NewPCG(uint64(opts.Seed), uint64(i)))
				results[i], errs[i] = e.roundTripArticle(arts[i], r, rs, key)
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()

	rt := &RoundTrip{Articles: len(arts), rs: rs}
	total := map[string]*RuleRoundTrip{}
	kinds := make([]*KindRoundTrip, len(Injections))
	for k := range Injections {
		kinds[k] = &KindRoundTrip{Injection: &Injections[k]}
	}
	for i, ar := range results {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s: %w", arts[i].Name, errs[i])
		}
		rt.Bytes += len(arts[i].Body)
		if ar.changed {
			rt.CleanChanged++
		}
		for id, r := range ar.rules {
			t := total[id]
			if t == nil {
				t = &RuleRoundTrip{Rule: id}
				total[id] = t
			}
			t.Injected += r.Injected
			t.Found += r.Found
			t.Hits += r.Hits
			t.OnClean += r.OnClean
			t.Stray += r.Stray
			t.Also += r.Also
			t.Artifacts += r.Artifacts
			t.Restorable += r.Restorable
			t.Restored += r.Restored
			for _, l := range []func(*RuleRoundTrip) *[]string{misses, falseAlarms, unrestored} {
				for _, x := range *l(r) {
					if dst := l(t); len(*dst) < maxExamples {
						*dst = append(*dst, x)
					}
				}
			}
		}
		for k, kr := range ar.kinds {
			kinds[k].Injected += kr.Injected
			kinds[k].Found += kr.Found
			kinds[k].Restorable += kr.Restorable
			kinds[k].Restored += kr.Restored
		}
	}
	rt.Kinds = kinds
	for _, ir := range IssueRules {
		t := total[ir.ID]
		if t == nil {
			t = &RuleRoundTrip{Rule: ir.ID}
		}
		t.Registered = rs.Lookup(ir.ID) != nil
		rt.Rules = append(rt.Rules, t)
		delete(total, ir.ID)
	}
	for _, id := range sortedKeys(total) {
		t := total[id]
		t.Registered = true
		rt.Rules = append(rt.Rules, t)
	}
	return rt, nil
}

func (e *Env) roundTripArticle(a corpusgen.Article, r *rand.Rand, rs *Rules, key func(string) string) (*articleResult, error) {
	ar := &articleResult{rules: map[string]*RuleRoundTrip{}, kinds: make([]KindRoundTrip, len(Injections))}
	clean := a.Body
	doc, err := parse.Parse(a.Name, clean)
	if err != nil {
		return nil, err
	}
	cleanDiags, err := e.Lint(a.Name, clean)
	if err != nil {
		return nil, err
	}
	type at struct {
		rule  string
		start int
	}
	onClean := map[at]bool{}
	anySafe := false
	for _, d := range cleanDiags {
		onClean[at{d.Rule, d.Start}] = true
		anySafe = anySafe || Safe(d)
		if isArtifact := artifacts[key(d.Rule)]; isArtifact != nil && isArtifact(doc, d) {
			ar.rule(key(d.Rule)).Artifacts++
			continue
		}
		ar.rule(key(d.Rule)).OnClean++
		ar.example(key(d.Rule), falseAlarms, "false alarm on clean %s: %s %s", a.Name, context(clean, d.Start, d.End, 30), d.Message)
	}
	fixedClean := clean
	if anySafe {
		if fixedClean, err = e.Fix(a.Name, clean, cleanDiags, nil); err != nil {
			return nil, err
		}
		ar.changed = !bytes.Equal(fixedClean, clean)
	}
	mask := proseMask(doc)
	md := doc.Format == document.FormatMarkdown
	list := false
	for i := range doc.Blocks {
		list = list || doc.Blocks[i].Bullet
	}
	sitesByPlace := map[place][]site{}
	for k := range Injections {
		inj := &Injections[k]
		if inj.Text && (md || list) {
			continue
		}
		if sitesByPlace[inj.Place] == nil {
			sitesByPlace[inj.Place] = sitesFor(doc, inj.Place, mask)
		}
		sites := append([]site(nil), sitesByPlace[inj.Place]...)
		r.Shuffle(len(sites), func(i, j int) { sites[i], sites[j] = sites[j], sites[i] })
		var src []byte
		var start, end int
		for _, s := range sites {
			if inj.Accept != nil && !inj.Accept(&s) {
				continue
			}
			line := clean[s.lineStart:s.lineEnd]
			out, st, en, ok := corpusgen.Plant(inj.Kind, line, s.at-s.lineStart, r)
			if !ok || !plantedInProse(mask, s, line, out, st, en) {
				continue
			}
			src = make([]byte, 0, len(clean)+len(out)-len(line))
			src = append(append(append(src, clean[:s.lineStart]...), out...), clean[s.lineEnd:]...)
			start, end = widen(src, s.lineStart+st, s.lineStart+en)
			break
		}
		if src == nil {
			continue
		}
		want := inj.Rule
		rr := ar.rule(want)
		kr := &ar.kinds[k]
		rr.Injected++
		kr.Injected++
		diags, err := e.Lint(a.Name, src)
		if err != nil {
			return nil, err
		}
		// Offsets after the change map back to the clean text by the length difference.
		p, sfx := commonEnds(string(clean), string(src))
		delta := len(src) - len(clean)
		found := false
		for _, d := range diags {
			id := key(d.Rule)
			// A rule that may also report the defect may point at another part
			// of it on the same line: quote-style flags the “ of a “Title" pair.
			on := overlaps(d, start, end) || slices.Contains(inj.Also, id) && sameLine(src, d.Start, start)
			if on && id == want {
				found = true
				rr.Hits++
				continue
			}
			// A finding the clean article has too is not the injection's doing.
			cs := d.Start
			switch {
			case cs >= len(src)-sfx:
				cs -= delta
			case cs >= p:
				cs = -1 // inside the change
			}
			if cs >= 0 && onClean[at{d.Rule, cs}] {
				continue
			}
			if on {
				if slices.Contains(inj.Also, id) {
					ar.rule(id).Also++
				} else {
					ar.rule(id).Stray++
					ar.example(id, falseAlarms, "false alarm on a %s defect in %s: %s %s", inj.Kind, a.Name, context(src, d.Start, d.End, 30), d.Message)
				}
				continue
			}
			if id == want {
				// Beside the defect rather than on it: a hit with a loose range still helps the
				// reader, but the table says where ranges are off.
				ar.example(id, falseAlarms, "reported beside a %s defect in %s: %s %s (defect %s)", inj.Kind, a.Name, context(src, d.Start, d.End, 30), d.Message, context(src, start, end, 0))
			} else {
				ar.example(id, falseAlarms, "false alarm caused by a %s defect in %s: %s %s", inj.Kind, a.Name, context(src, d.Start, d.End, 30), d.Message)
			}
			ar.rule(id).Stray++
		}
		if found {
			rr.Found++
			kr.Found++
		} else {
			ar.example(want, misses, "missed %s in %s: %s", inj.Kind, a.Name, context(src, start, end, 40))
		}
		rule := rs.Lookup(want)
		if inj.Restorable && rule != nil && HasSafeFix(rule) {
			rr.Restorable++
			kr.Restorable++
			fixed, err := e.Fix(a.Name, src, diags, nil)
			if err != nil {
				return nil, err
			}
			if bytes.Equal(fixed, fixedClean) {
				rr.Restored++
				kr.Restored++
			} else {
				fp, fs := commonEnds(string(fixedClean), string(fixed))
				ar.example(want, unrestored, "%s in %s not restored: fixed %s, original %s", inj.Kind, a.Name,
					context(fixed, fp, len(fixed)-fs, 25), context(fixedClean, fp, len(fixedClean)-fs, 25))
			}
		}
	}
	return ar, nil
}

// proseMask marks the bytes of words, numbers, punctuation and plain spaces in body paragraphs,
// list items and block quotes: where defects may go. URLs, code, markup and everything outside
// such blocks stay unmarked.
func proseMask(doc *document.Document) []bool {
	mask := make([]bool, len(doc.Src))
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if b.Role != document.RoleBody || b.Kind != document.KindParagraph && b.Kind != document.KindListItem && b.Kind != document.KindQuote {
			continue
		}
		for _, t := range doc.BlockTokens(b) {
			switch t.Kind() {
			case document.TokWord, document.TokNumber, document.TokPunct:
			case document.TokSpace:
				if t.Is(document.FlagOddSpace) {
					continue
				}
			default:
				continue
			}
			for j := t.Start; j < t.End(); j++ {
				mask[j] = true
			}
		}
	}
	for _, v := range doc.Verbatim {
		for j := v.Start; j < v.End && j < len(mask); j++ {
			mask[j] = false
		}
	}
	return mask
}

// sitesFor lists the candidate places of one kind in a clean article.
func sitesFor(doc *document.Document, pl place, mask []bool) []site {
	src := doc.Src
	var out []site
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if b.Role != document.RoleBody || b.Prose.Start >= b.End {
			continue
		}
		para := b.Kind == document.KindParagraph
		if pl != placeWord && !para {
			continue
		}
		switch pl {
		case placeWord:
			if b.Kind != document.KindParagraph && b.Kind != document.KindListItem && b.Kind != document.KindQuote {
				continue
			}
			for ls := b.Prose.Start; ls < b.End; {
				le := bytes.IndexByte(src[ls:b.End], '\n')
				if le < 0 {
					le = b.End
				} else {
					le += ls
				}
				for j := ls + 1; j < le; j++ {
					if src[j-1] == ' ' && src[j] != ' ' && mask[j] && mask[j-1] {
						out = append(out, site{doc: doc, block: b, lineStart: ls, lineEnd: le, at: j})
					}
				}
				ls = le + 1
			}
		case placeEnd, placeGap:
			le := b.End
			if le == 0 || !mask[le-1] {
				continue
			}
			// A gap: one blank line, then another body paragraph, so that what goes in between
			// stands alone and has no debris beside it.
			if pl == placeGap && !gapAfter(doc, i) {
				continue
			}
			ls := bytes.LastIndexByte(src[:le], '\n') + 1
			out = append(out, site{doc: doc, block: b, lineStart: ls, lineEnd: le, at: ls})
		case placeStart:
			ls := b.Start
			if b.Prose.Start != ls || b.Bullet || !mask[ls] {
				continue
			}
			le := bytes.IndexByte(src[ls:b.End], '\n')
			if le < 0 {
				le = b.End - ls
			}
			out = append(out, site{doc: doc, block: b, lineStart: ls, lineEnd: ls + le, at: ls})
		}
	}
	return out
}

// gapAfter reports whether block i is followed by one blank line and a body paragraph.
func gapAfter(doc *document.Document, i int) bool {
	src, le := doc.Src, doc.Blocks[i].End
	if le+2 >= len(src) || src[le] != '\n' || src[le+1] != '\n' || i+1 >= len(doc.Blocks) {
		return false
	}
	next := &doc.Blocks[i+1]
	return next.Start == le+2 && next.Role == document.RoleBody && next.Kind == document.KindParagraph
}

// plantedInProse reports whether every clean byte the defect touches, with one byte either side,
// is prose. Line-end and line-start defects only need the line's last or first byte to be.
func plantedInProse(mask []bool, s site, line, out []byte, start, end int) bool {
	p, sfx := commonEnds(string(line), string(out))
	lo := min(start, p)
	hi := len(line) - sfx // end of the changed clean bytes
	if end <= p {
		hi = max(hi, end)
	} else if end >= len(out)-sfx {
		hi = max(hi, end-(len(out)-len(line)))
	}
	lo, hi = s.lineStart+max(lo-1, 0), s.lineStart+min(hi+1, len(line))
	if lo >= hi {
		hi = lo + 1
	}
	for j := lo; j < hi && j < len(mask); j++ {
		if !mask[j] && j < s.lineEnd {
			return false
		}
	}
	return true
}

// widen extends a defect made only of white space over the white space around it: the extra
// newlines of a blank-line run or the spaces of a double space are interchangeable with the ones
// that were there, and a rule may point at any of them.
func widen(src []byte, start, end int) (int, int) {
	for _, r := range string(src[start:end]) {
		if r != ' ' && r != '\t' && r != '\n' && r != '\u00a0' {
			return start, end
		}
	}
	// Newlines widen over newlines, spaces over spaces on the same line.
	blank := func(c byte) bool { return c == ' ' || c == '\t' }
	if bytes.IndexByte(src[start:end], '\n') >= 0 {
		blank = func(c byte) bool { return c == '\n' || c == '\r' }
	}
	for start > 0 && blank(src[start-1]) {
		start--
	}
	for end < len(src) && blank(src[end]) {
		end++
	}
	return start, end
}

// Print writes the rule table and, with verbose, the kind table and every example; without
// it, the examples of rules that miss a target.
func (rt *RoundTrip) Print(w io.Writer, verbose bool) {
	rs := rt.rs
	fmt.Fprintf(w, "Round trip: %d clean generated articles (%d bytes), each defect kind planted once per article where it has a place\n", rt.Articles, rt.Bytes)
	if rt.CleanChanged > 0 {
		fmt.Fprintf(w, "(%d clean articles are changed by safe fixes, of export debris the generator writes or of false alarms; their injections must fix to the same text)\n", rt.CleanChanged)
	}
	fmt.Fprintf(w, "Targets: recall %.0f%% and restoration %.0f%% for rules whose fixes are all safe, recall %.0f%% for the others, precision %.0f%% or better\n\n", 100*RecallSafe, 100*RestoredSafe, 100*RecallOther, 100*PrecisionFloor)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "rule\tfix\tinjected\tfound\trecall\thits\tfalse alarms\tprecision\trestored\ttarget\t")
	failing := map[string]bool{}
	for _, f := range rt.Failures() {
		failing[f[:strings.IndexByte(f, ':')]] = true
	}
	for _, r := range rt.Rules {
		if !r.Registered {
			fmt.Fprintf(tw, "%s\tnot registered\t\t\t\t\t\t\t\t\t\n", r.Rule)
			continue
		}
		restored := "-"
		if r.Restorable > 0 {
			restored = fmt.Sprintf("%d/%d", r.Restored, r.Restorable)
		}
		target := "ok"
		switch {
		case failing[rs.Name(r.Rule)]:
			target = "MISSED"
		case r.Injected == 0:
			target = "no injector"
		}
		fa := fmt.Sprintf("%d", r.OnClean+r.Stray)
		if r.Artifacts > 0 {
			fa += fmt.Sprintf(" (+%d on generated debris)", r.Artifacts)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%d\t%s\t%s\t%s\t%s\t\n", rs.Name(r.Rule), rs.Status(r.Rule), r.Injected, r.Found,
			percent(r.Found, r.Injected), r.Hits, fa, percent(r.Hits, r.Hits+r.OnClean+r.Stray), restored, target)
	}
	tw.Flush()
	if verbose {
		fmt.Fprintln(w)
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "kind\trule\tinjected\tfound\trestored\t")
		for _, k := range rt.Kinds {
			restored := "-"
			if k.Restorable > 0 {
				restored = fmt.Sprintf("%d/%d", k.Restored, k.Restorable)
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t\n", k.Injection.Kind, rs.Name(k.Injection.Rule), k.Injected, k.Found, restored)
		}
		tw.Flush()
	}
	for _, r := range rt.Rules {
		n := len(r.Misses) + len(r.FalseAlarms) + len(r.Unrestored)
		if !r.Registered || n == 0 || !verbose && !failing[rs.Name(r.Rule)] {
			continue
		}
		fmt.Fprintf(w, "\n  %s:\n", rs.Name(r.Rule))
		for _, l := range [][]string{r.Misses, r.FalseAlarms, r.Unrestored} {
			for _, x := range l {
				fmt.Fprintf(w, "    %s\n", x)
			}
		}
	}
	fmt.Fprintln(w)
}

// sameLine reports whether offsets a and b are on one line of src.
func sameLine(src []byte, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	return a >= 0 && b <= len(src) && !bytes.Contains(src[a:b], []byte("\n"))
}

// countDoubles counts curly and straight double quotation marks that do not
// touch a CJK character.
func countDoubles(text []byte) (curly, straight int) {
	var prev rune
	rs := []rune(string(text))
	for i, r := range rs {
		var next rune
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		if r == '“' || r == '”' || r == '"' {
			if !hasCJK([]byte(string(prev))) && !hasCJK([]byte(string(next))) {
				if r == '"' {
					straight++
				} else {
					curly++
				}
			}
		}
		prev = r
	}
	return curly, straight
}
