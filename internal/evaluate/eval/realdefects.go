package eval

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// A Pair is one line before and after a typo-fix commit (typo-fix-pairs/*.tsv).
type Pair struct {
	File    string // the TSV's base name
	Line    int    // in the TSV
	Repo    string
	Commit  string
	Subject string
	Path    string // of the article in its repository
	Before  string
	After   string
}

// ReadPairs reads every *.tsv in dir: columns repo, commit, date, subject, path, before, after.
func ReadPairs(dir string) ([]Pair, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no .tsv files in %s", dir)
	}
	sort.Strings(files)
	var out []Pair
	for _, f := range files {
		rows, err := readTSV(f, 7)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			c := r.cols
			out = append(out, Pair{File: filepath.Base(f), Line: r.line, Repo: c[0], Commit: c[1], Subject: c[3], Path: c[4],
				Before: Unescape(c[5]), After: Unescape(c[6])})
		}
	}
	return out, nil
}

// A PairClass is a kind of mechanical fix and the rule that should have made it.
type PairClass struct {
	Name string
	Rule string // the issue rule ID; "" for changes that are not mechanical
}

// The classes of typo fixes. Only those with a rule are mechanical.
var (
	ClassDoubledWord     = PairClass{"removed doubled word", "repeated-word"}
	ClassTrailing        = PairClass{"removed trailing whitespace", "trailing-whitespace"}
	ClassMultipleSpaces  = PairClass{"collapsed multiple spaces", "multiple-spaces"}
	ClassSpaceBefore     = PairClass{"removed space before punctuation", "space-before-punctuation"}
	ClassSpaceAfter      = PairClass{"added space after punctuation", "missing-space-after-punctuation"}
	ClassRepeatedPunct   = PairClass{"removed repeated punctuation", "repeated-punctuation"}
	ClassTerminal        = PairClass{"added terminal punctuation", "terminal-punctuation"}
	ClassBrackets        = PairClass{"balanced brackets", "unbalanced-brackets"}
	ClassQuotes          = PairClass{"balanced quotation marks", "unbalanced-quotes"}
	ClassTerminalList    = PairClass{"added terminal punctuation to a list item (terminal-punctuation leaves list items alone)", ""}
	ClassOtherWhitespace = PairClass{"other whitespace change (indentation, tables, split or joined words)", ""}
	ClassOtherPunct      = PairClass{"other punctuation change (commas, apostrophes, markup)", ""}
	ClassWords           = PairClass{"words changed", ""}
	ClassUnchanged       = PairClass{"unchanged", ""}
)

// MechanicalClasses lists the classes with a rule, in report order.
var MechanicalClasses = []PairClass{ClassDoubledWord, ClassTrailing, ClassMultipleSpaces, ClassSpaceBefore, ClassSpaceAfter,
	ClassRepeatedPunct, ClassTerminal, ClassBrackets, ClassQuotes}

const marks = ".,;:!?"

// Classify says what a fix did by diffing the two lines: removed a word that doubled its
// neighbour; changed only whitespace (trailing, a run between words, before a mark, after a mark);
// changed only punctuation (removed a mark beside another, added a final mark, balanced brackets
// or quotation marks); or something else.
func Classify(before, after string) PairClass {
	if before == after {
		return ClassUnchanged
	}
	if doubledWordRemoved(before, after) {
		return ClassDoubledWord
	}
	p, s := commonEnds(before, after)
	del, ins := before[p:len(before)-s], after[p:len(after)-s]
	switch {
	case strip(before, unicode.IsSpace) == strip(after, unicode.IsSpace):
		if strings.TrimRight(before, " \t") == after {
			return ClassTrailing
		}
		return classifySpacing(before, after)
	case strip(before, isPunct) == strip(after, isPunct):
		switch {
		case ins == "" && del != "" && strings.Trim(del, marks) == "" &&
			(p > 0 && strings.IndexByte(marks, before[p-1]) >= 0 || s > 0 && strings.IndexByte(marks, before[len(before)-s]) >= 0):
			return ClassRepeatedPunct
		case del == "" && len(ins) == 1 && strings.IndexByte(".!?", ins[0]) >= 0 && strings.TrimRight(after[p+1:], " \t") == "" &&
			p > 0 && strings.IndexByte(marks, before[p-1]) < 0:
			if listItem(before) {
				return ClassTerminalList
			}
			return ClassTerminal
		case !bracketsBalanced(before) && bracketsBalanced(after):
			return ClassBrackets
		case !quotesBalanced(before) && quotesBalanced(after):
			return ClassQuotes
		}
		return ClassOtherPunct
	}
	return ClassWords
}

// A wsEdit is a run of white space inserted into or deleted from a line at offset at.
type wsEdit struct {
	at, n int
	ins   bool
}

// wsEdits aligns two lines that differ only in white space.
func wsEdits(before, after string) []wsEdit {
	var out []wsEdit
	add := func(at int, ins bool) {
		if k := len(out) - 1; k >= 0 && out[k].ins == ins && (ins && out[k].at == at || !ins && out[k].at+out[k].n == at) {
			out[k].n++
			return
		}
		out = append(out, wsEdit{at, 1, ins})
	}
	for i, j := 0, 0; i < len(before) || j < len(after); {
		switch {
		case i < len(before) && j < len(after) && before[i] == after[j]:
			i, j = i+1, j+1
		case j < len(after) && isBlank(after[j]):
			add(i, true)
			j++
		case i < len(before) && isBlank(before[i]):
			add(i, false)
			i++
		default:
			return nil
		}
	}
	return out
}

// classifySpacing names a change of white space inside a line when every edit is of one kind:
// spaces inserted after marks, spaces deleted before marks, or runs of spaces shortened.
func classifySpacing(before, after string) PairClass {
	edits := wsEdits(before, after)
	if len(edits) == 0 {
		return ClassOtherWhitespace
	}
	after1, before1, shorter := true, true, true
	for _, e := range edits {
		prevOK := e.at > 0 && !isBlank(before[e.at-1])
		if !e.ins || !prevOK || strings.IndexByte(marks, before[e.at-1]) < 0 || e.at >= len(before) || isBlank(before[e.at]) {
			after1 = false
		}
		end := e.at + e.n
		if e.ins || !prevOK || end >= len(before) || strings.IndexByte(marks+")]", before[end]) < 0 {
			before1 = false
		}
		// The run the deletion is part of: it must keep a space and lie between words.
		lo, hi := e.at, end
		for lo > 0 && isBlank(before[lo-1]) {
			lo--
		}
		for hi < len(before) && isBlank(before[hi]) {
			hi++
		}
		if e.ins || lo == 0 || hi == len(before) || hi-lo-e.n < 1 || strings.TrimLeft(before[:lo], " \t") == "" {
			shorter = false
		}
	}
	switch {
	case after1:
		return ClassSpaceAfter
	case before1:
		return ClassSpaceBefore
	case shorter:
		return ClassMultipleSpaces
	}
	return ClassOtherWhitespace
}

// listItem reports a Markdown list item: "* ", "- ", "+ " or "1. " after any indentation.
func listItem(line string) bool {
	l := strings.TrimLeft(line, " \t")
	if len(l) > 1 && strings.IndexByte("*-+", l[0]) >= 0 && l[1] == ' ' {
		return true
	}
	d := 0
	for d < len(l) && l[d] >= '0' && l[d] <= '9' {
		d++
	}
	return d > 0 && d+1 < len(l) && (l[d] == '.' || l[d] == ')') && l[d+1] == ' '
}

func doubledWordRemoved(before, after string) bool {
	fb, fa := strings.Fields(before), strings.Fields(after)
	if len(fb) != len(fa)+1 {
		return false
	}
	i := 0
	for i < len(fa) && fb[i] == fa[i] {
		i++
	}
	// fb[i] was removed; the rest must match.
	for j := i; j < len(fa); j++ {
		if fb[j+1] != fa[j] {
			return false
		}
	}
	w := fb[i]
	if !strings.ContainsFunc(w, unicode.IsLetter) {
		return false
	}
	// Removing the first of two equal words leaves the same text as removing the second: look at
	// both neighbours.
	return i > 0 && strings.EqualFold(fb[i-1], w) || i+1 < len(fb) && strings.EqualFold(fb[i+1], w)
}

// commonEnds returns the lengths of the common prefix and of the common suffix that does not
// overlap it.
func commonEnds(a, b string) (p, s int) {
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	return p, s
}

func strip(s string, drop func(rune) bool) string {
	return strings.Map(func(r rune) rune {
		if drop(r) {
			return -1
		}
		return r
	}, s)
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

func bracketsBalanced(s string) bool {
	var stack []rune
	for _, r := range s {
		switch r {
		case '(', '[':
			stack = append(stack, r)
		case ')', ']':
			want := '('
			if r == ']' {
				want = '['
			}
			if len(stack) == 0 || stack[len(stack)-1] != want {
				return false
			}
			stack = stack[:len(stack)-1]
		}
	}
	return len(stack) == 0
}

func quotesBalanced(s string) bool {
	return strings.Count(s, `"`)%2 == 0 && strings.Count(s, "“") == strings.Count(s, "”")
}

// PairResult is one mechanical pair run through copydesk.
type PairResult struct {
	Pair          Pair
	Where         string // file:line in the shared corpus when linted in context; "" when alone
	FlaggedBefore bool
	FlaggedAfter  bool
	Fixed         string // the before line after the rule's safe fixes; "" when the rule has none
	Restored      bool
	Messages      []string // the rule's findings on the before line and on the after line
}

// ClassResult gathers the pairs of one class.
type ClassResult struct {
	Class      PairClass
	Registered bool
	Fixable    bool // the rule has safe fixes
	Pairs      []PairResult
	InCode     int // pairs whose line is code in its article: not prose, so not counted
}

// Counts returns how many pairs were flagged before, flagged after, and restored by the fix.
func (cr *ClassResult) Counts() (before, after, restored int) {
	for _, p := range cr.Pairs {
		if p.FlaggedBefore {
			before++
		}
		if p.FlaggedAfter {
			after++
		}
		if p.Restored {
			restored++
		}
	}
	return
}

// RealDefects is the typo-fix evaluation.
type RealDefects struct {
	Total     int
	InContext int            // mechanical pairs linted inside their article
	Other     map[string]int // pairs that are not mechanical, by class name
	Classes   []*ClassResult
	Known     []*KnownDouble
}

// PairCorpora maps the repositories of the typo-fix pairs to their copies in the shared corpus.
var PairCorpora = map[string]string{
	"rust-lang/blog.rust-lang.org": "blog.rust-lang.org",
	"golang/website":               "golang-website",
	"golang/blog":                  "golang-blog",
}

// articles finds the copies of the pairs' articles in the shared corpus by repository and file
// name (the Rust blog moved its posts, the Go blog is kept in two snapshots).
type articles struct {
	byName map[string][]string // corpus folder + "/" + base name -> paths
	text   map[string][]byte
}

func indexArticles(root string) (*articles, error) {
	as := &articles{byName: map[string][]string{}, text: map[string][]byte{}}
	if root == "" {
		return as, nil
	}
	for _, c := range sortedKeys(invert(PairCorpora)) {
		err := filepath.WalkDir(filepath.Join(root, c), func(p string, d os.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return filepath.SkipDir
				}
				return err
			}
			if !d.IsDir() {
				k := c + "/" + d.Name()
				as.byName[k] = append(as.byName[k], p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return as, nil
}

func invert(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[v] = k
	}
	return out
}

// find returns the article that holds the pair's after line, the line's start and its end
// (line break excluded).
func (as *articles) find(p Pair) (path string, src []byte, start, end int) {
	for _, f := range as.byName[PairCorpora[p.Repo]+"/"+filepath.Base(p.Path)] {
		b, ok := as.text[f]
		if !ok {
			b, _ = os.ReadFile(f)
			as.text[f] = b
		}
		for i := 0; i < len(b); {
			j := bytes.IndexByte(b[i:], '\n')
			if j < 0 {
				j = len(b) - i
			}
			if string(bytes.TrimSuffix(b[i:i+j], []byte("\r"))) == p.After {
				return f, b, i, i + len(p.After)
			}
			i += j + 1
		}
	}
	return "", nil, 0, 0
}

// MeasurePairs runs every mechanical pair through copydesk. Where the shared corpus under root
// (may be "") holds the article with the after line, both lines are linted in place, so that
// code blocks, lists and front matter are read as they are; otherwise each line is linted alone as
// a one-line Markdown article (the sources are Markdown or Go's present format, whose inline markup
// is the same). A pair counts as flagged when a finding of its class's rule touches the line; the
// rule's safe fixes, applied to that line only, should give the after line.
func (e *Env) MeasurePairs(pairs []Pair, rs *Rules, root string) (*RealDefects, error) {
	rd := &RealDefects{Total: len(pairs), Other: map[string]int{}}
	byClass := map[string]*ClassResult{}
	for _, c := range MechanicalClasses {
		r := rs.Lookup(c.Rule)
		cr := &ClassResult{Class: c, Registered: r != nil, Fixable: r != nil && HasSafeFix(r)}
		byClass[c.Name] = cr
		rd.Classes = append(rd.Classes, cr)
	}
	as, err := indexArticles(root)
	if err != nil {
		return nil, err
	}
	for _, p := range pairs {
		c := Classify(p.Before, p.After)
		cr := byClass[c.Name]
		if cr == nil {
			rd.Other[c.Name]++
			continue
		}
		// The text around the line: the article, or nothing.
		name, pre, post := "pair.md", []byte(nil), []byte("\n")
		res := PairResult{Pair: p}
		if path, src, start, end := as.find(p); path != "" {
			name = path
			if strings.HasSuffix(name, ".article") {
				name += ".md"
			}
			pre, post = src[:start], src[end:]
			rel, _ := filepath.Rel(root, path)
			res.Where = fmt.Sprintf("%s:%d", rel, 1+bytes.Count(pre, []byte("\n")))
		}
		before := join(pre, p.Before, post)
		after := join(pre, p.After, post)
		lo := len(pre)
		// Fixes of code are not fixes of prose: a line in a code block (the parser says, in its
		// article) or indented by a tab (Go templates hide code blocks from the parser).
		code := strings.HasPrefix(p.Before, "\t") // prose in Markdown never starts with a tab
		if !code && res.Where != "" {
			if doc, err := parse.Parse(name, before); err == nil {
				code = doc.InVerbatim(lo) && doc.InVerbatim(lo+max(len(p.Before)-1, 0))
			}
		}
		if code {
			cr.InCode++
			continue
		}
		if res.Where != "" {
			rd.InContext++
		}
		if cr.Registered {
			rule := rs.Name(c.Rule)
			onLine := func(d lint.Diagnostic, n int) bool { return d.Rule == rule && overlaps(d, lo, lo+n) }
			bd, err := e.Lint(name, before)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", p.File, p.Line, err)
			}
			ad, err := e.Lint(name, after)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", p.File, p.Line, err)
			}
			for _, d := range bd {
				if onLine(d, len(p.Before)) {
					res.FlaggedBefore = true
					res.Messages = append(res.Messages, fmt.Sprintf("before: %s %s", context(before, d.Start, d.End, 15), d.Message))
				}
			}
			for _, d := range ad {
				if onLine(d, len(p.After)) {
					res.FlaggedAfter = true
					res.Messages = append(res.Messages, fmt.Sprintf("after: %s %s", context(after, d.Start, d.End, 15), d.Message))
				}
			}
			if cr.Fixable {
				want := func(d lint.Diagnostic) bool { return Safe(d) && onLine(d, len(p.Before)) }
				fixed, err := e.Fix(name, before, bd, want)
				if err != nil {
					return nil, err
				}
				line := fixed[lo:]
				if len(fixed)-len(post) >= lo && bytes.HasSuffix(fixed, post) {
					line = fixed[lo : len(fixed)-len(post)]
				}
				res.Fixed = string(line)
				res.Restored = bytes.Equal(fixed, after)
			}
		}
		cr.Pairs = append(cr.Pairs, res)
	}
	return rd, nil
}

func join(pre []byte, line string, post []byte) []byte {
	b := make([]byte, 0, len(pre)+len(line)+len(post))
	return append(append(append(b, pre...), line...), post...)
}

// A KnownDouble is a doubled word known to be still present in the copied blogs.
type KnownDouble struct {
	Phrase string
	Found  []string // where copydesk reports repeated-word on it
	Missed []string // where it does not
}

// KnownDoublePhrases are the doubled words SOURCES.md says are still in the blogs.
var KnownDoublePhrases = []string{"of the the", "it it is", "edition edition", "at at time", "than than", "and and"}

// MeasureKnownDoubles lints every article of the blog corpora under root (Markdown; Go's .article
// files read as Markdown) and checks that repeated-word reports each occurrence of the known
// doubled words. It returns nil when repeated-word is not registered.
func (e *Env) MeasureKnownDoubles(root string, corpora []string, rs *Rules) ([]*KnownDouble, error) {
	r := rs.Lookup("repeated-word")
	if r == nil {
		return nil, nil
	}
	known := make([]*KnownDouble, len(KnownDoublePhrases))
	res := make([]*regexp.Regexp, len(KnownDoublePhrases))
	for i, ph := range KnownDoublePhrases {
		known[i] = &KnownDouble{Phrase: ph}
		// The first word may be capitalised; the words are separated by spaces or one line
		// break, not a paragraph break ("execute it\n\nIt is" is no double), and a different case
		// is a different word ("AND and").
		words := strings.Fields(ph)
		first := "[" + strings.ToUpper(words[0][:1]) + words[0][:1] + "]" + regexp.QuoteMeta(words[0][1:])
		res[i] = regexp.MustCompile(`\b` + first + `(?:[ \t]+|[ \t]*\n[ \t]*)` + strings.Join(words[1:], `(?:[ \t]+|[ \t]*\n[ \t]*)`) + `\b`)
	}
	for _, c := range corpora {
		dir := filepath.Join(root, c)
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || (!strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".article")) {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil || !utf8.Valid(src) {
				return err
			}
			var diags []lint.Diagnostic
			linted := false
			for i, re := range res {
				for _, m := range re.FindAllIndex(src, -1) {
					if !linted {
						linted = true
						name := p
						if strings.HasSuffix(name, ".article") {
							name += ".md"
						}
						if diags, err = e.Lint(name, src); err != nil {
							return fmt.Errorf("%s: %w", p, err)
						}
					}
					rel, _ := filepath.Rel(root, p)
					where := fmt.Sprintf("%s:%d", rel, 1+strings.Count(string(src[:m[0]]), "\n"))
					hit := false
					for _, d := range diags {
						if d.Rule == r.ID && overlaps(d, m[0], m[1]) {
							hit = true
						}
					}
					if hit {
						known[i].Found = append(known[i].Found, where)
					} else {
						known[i].Missed = append(known[i].Missed, where)
					}
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return known, nil
}

// Print writes the class table, the misses, and the known doubles.
func (rd *RealDefects) Print(w io.Writer, rs *Rules, verbose bool) {
	mech := 0
	for _, cr := range rd.Classes {
		mech += len(cr.Pairs)
	}
	code := 0
	for _, cr := range rd.Classes {
		code += cr.InCode
	}
	fmt.Fprintf(w, "Real typo fixes: %d before/after pairs, %d mechanical fixes of prose (%d linted inside their article in the shared corpus, the rest alone), %d more in code; copydesk should flag the before line, not the after line, and its safe fix should give the after line\n\n", rd.Total, mech, rd.InContext, code)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "fix\trule\tpairs\tflagged before\tflagged after\tfix restores after\t")
	var tb, ta, tr, tf, tn int
	for _, cr := range rd.Classes {
		n := len(cr.Pairs)
		if !cr.Registered {
			fmt.Fprintf(tw, "%s\t%s\t%d\tnot registered\t\t\t\n", cr.Class.Name, cr.Class.Rule, n)
			continue
		}
		b, a, r := cr.Counts()
		fix := "no safe fix"
		if cr.Fixable {
			fix = fmt.Sprintf("%d (%s)", r, percent(r, n))
			tr += r
			tf += n
		}
		tb, ta, tn = tb+b, ta+a, tn+n
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d (%s)\t%d (%s)\t%s\t\n", cr.Class.Name, rs.Name(cr.Class.Rule), n, b, percent(b, n), a, percent(a, n), fix)
	}
	fmt.Fprintf(tw, "all registered\t\t%d\t%d (%s)\t%d (%s)\t%d/%d (%s)\t\n", tn, tb, percent(tb, tn), ta, percent(ta, tn), tr, tf, percent(tr, tf))
	tw.Flush()
	fmt.Fprintf(w, "  not mechanical:")
	for _, k := range sortedKeys(rd.Other) {
		fmt.Fprintf(w, " %s (%d);", k, rd.Other[k])
	}
	fmt.Fprintln(w)
	for _, cr := range rd.Classes {
		for _, p := range cr.Pairs {
			bad := cr.Registered && (!p.FlaggedBefore || p.FlaggedAfter || cr.Fixable && !p.Restored)
			if !bad && !verbose {
				continue
			}
			var what []string
			switch {
			case !cr.Registered:
				what = append(what, "rule not registered")
			case !p.FlaggedBefore:
				what = append(what, "MISSED")
			default:
				what = append(what, "flagged")
			}
			if p.FlaggedAfter {
				what = append(what, "FALSE ALARM on after")
			}
			if cr.Fixable && p.FlaggedBefore && !p.Restored {
				what = append(what, "FIX DIFFERS")
			}
			where := p.Where
			if where == "" {
				where = "linted alone"
			}
			fmt.Fprintf(w, "  %s %s:%d (%s): %s\n      in %s\n      before %q\n      after  %q\n", cr.Class.Rule, p.Pair.File, p.Pair.Line,
				strings.Join(what, ", "), shortCommit(p.Pair), where, p.Pair.Before, p.Pair.After)
			if cr.Fixable && p.FlaggedBefore && !p.Restored {
				fmt.Fprintf(w, "      fixed  %q\n", p.Fixed)
			}
			if verbose || p.FlaggedAfter {
				for _, m := range p.Messages {
					fmt.Fprintf(w, "      %s\n", m)
				}
			}
		}
	}
	if rd.Known != nil {
		fmt.Fprintf(w, "\nDoubled words still in the copied blogs (SOURCES.md):\n")
		for _, k := range rd.Known {
			fmt.Fprintf(w, "  %-16q %d found, %d missed", k.Phrase, len(k.Found), len(k.Missed))
			if len(k.Missed) > 0 {
				fmt.Fprintf(w, ": %s", strings.Join(k.Missed, ", "))
			}
			fmt.Fprintln(w)
			if verbose {
				for _, f := range k.Found {
					fmt.Fprintf(w, "      found %s\n", f)
				}
			}
		}
	}
	fmt.Fprintln(w)
}

func shortCommit(p Pair) string {
	c := p.Commit
	if len(c) > 8 {
		c = c[:8]
	}
	return p.Repo + "@" + c + " " + p.Subject
}
