package eval

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/copydesk/copydesk/lint"
)

// An Example is one row of a checker's test sentences (languagetool/examples.tsv,
// proselint/examples.tsv): a sentence the checker must flag (Expect "error") or leave alone
// ("ok").
type Example struct {
	Line       int    // in the TSV, 1-based, the header being line 1
	Class      string // the checker's rule: "CommaWhitespaceRule", "proselint:lexical_illusions"
	Expect     string // "error" or "ok"
	Sentence   string // unescaped
	Correction string // unescaped; "" when none
}

// ReadExamples reads a checker TSV: columns rule, expect, sentence, correction, then any others.
func ReadExamples(path string) ([]Example, error) {
	rows, err := readTSV(path, 4)
	if err != nil {
		return nil, err
	}
	out := make([]Example, 0, len(rows))
	for _, r := range rows {
		if r.cols[1] != "error" && r.cols[1] != "ok" {
			return nil, fmt.Errorf("%s:%d: expect is %q, want error or ok", path, r.line, r.cols[1])
		}
		out = append(out, Example{Line: r.line, Class: r.cols[0], Expect: r.cols[1], Sentence: Unescape(r.cols[2]), Correction: Unescape(r.cols[3])})
	}
	return out, nil
}

type tsvRow struct {
	line int
	cols []string
}

// readTSV splits a TSV with a header into rows of at least n columns. Fields escape \n, \t, \r
// and \\; other control characters stand raw, so only tab and newline split.
func readTSV(path string, n int) ([]tsvRow, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	var rows []tsvRow
	for i, l := range lines {
		if i == 0 {
			continue // header
		}
		cols := strings.Split(strings.TrimSuffix(l, "\r"), "\t")
		if len(cols) < n {
			return nil, fmt.Errorf("%s:%d: %d columns, want at least %d", path, i+1, len(cols), n)
		}
		rows = append(rows, tsvRow{i + 1, cols})
	}
	return rows, nil
}

// Unescape undoes the TSV escapes \n, \t, \r and \\; any other backslash stays.
func Unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			case 't':
				b.WriteByte('\t')
				i++
				continue
			case 'r':
				b.WriteByte('\r')
				i++
				continue
			case '\\':
				b.WriteByte('\\')
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// A Mapper says which copydesk rules an example tests; none, with the reason, when it tests
// something copydesk does not claim to check.
type Mapper func(Example) (rules []string, skip string)

// MapLanguageTool maps LanguageTool's rule classes to copydesk rules.
//
//   - WordRepeatRule, EnglishWordRepeatRule*: repeated-word.
//   - DoublePunctuationRule: repeated-punctuation.
//   - CommaWhitespaceRule: by what the sentence shows (and the correction, where there is one): a
//     space before , . ; : ! ? or a closing bracket, or after an opening bracket, is
//     space-before-punctuation; a comma or semicolon, or a sentence mark after a lower-case word,
//     run into the next word is missing-space-after-punctuation. Rows about spaces inside
//     quotation marks map to neither. An ok row tests both rules.
//   - MultipleWhitespaceRule: multiple-spaces. SentenceWhitespaceRule:
//     missing-space-after-punctuation.
//   - GenericUnpairedBracketsRule, EnglishUnpairedBracketsRule: unbalanced-brackets, except
//     that the generic test pairs » with « as its brackets, and those are quotation marks to
//     copydesk: its rows that contain them test unbalanced-quotes.
//   - GenericUnpairedQuotesRule, EnglishUnpairedQuotesRule: unbalanced-quotes.
//   - grammar.xml: only PUNCTUATION/NO_SPACE_CLOSING_QUOTE (”said) maps, to
//     missing-space-after-punctuation. The rest (DT_DT "the a", PHRASE_REPETITION, serial commas,
//     apostrophes, typographic symbols, dates) is not what copydesk checks.
func MapLanguageTool(ex Example) ([]string, string) {
	c := ex.Class
	switch {
	case strings.HasPrefix(c, "WordRepeatRule"), strings.HasPrefix(c, "EnglishWordRepeatRule"):
		return []string{"repeated-word"}, ""
	case c == "DoublePunctuationRule":
		return []string{"repeated-punctuation"}, ""
	case c == "CommaWhitespaceRule":
		return commaWhitespace(ex)
	case c == "MultipleWhitespaceRule":
		return []string{"multiple-spaces"}, ""
	case c == "SentenceWhitespaceRule":
		return []string{"missing-space-after-punctuation"}, ""
	case strings.HasPrefix(c, "GenericUnpairedBracketsRule"):
		if strings.ContainsAny(ex.Sentence, "»«") {
			return []string{"unbalanced-quotes"}, ""
		}
		return []string{"unbalanced-brackets"}, ""
	case c == "EnglishUnpairedBracketsRule":
		return []string{"unbalanced-brackets"}, ""
	case strings.HasPrefix(c, "GenericUnpairedQuotesRule"), c == "EnglishUnpairedQuotesRule":
		return []string{"unbalanced-quotes"}, ""
	case c == "grammar.xml:PUNCTUATION/NO_SPACE_CLOSING_QUOTE":
		return []string{"missing-space-after-punctuation"}, ""
	case strings.HasPrefix(c, "grammar.xml:"):
		return nil, "grammar.xml rule copydesk does not check"
	}
	return nil, "rule class copydesk does not check"
}

func commaWhitespace(ex Example) ([]string, string) {
	if ex.Expect == "ok" {
		return []string{"space-before-punctuation", "missing-space-after-punctuation"}, ""
	}
	s := ex.Sentence
	if ex.Correction != "" && strings.Contains(s, " "+ex.Correction) && strings.ContainsAny(ex.Correction, ",.;:!?)]}") {
		return []string{"space-before-punctuation"}, ""
	}
	var rules []string
	if spaceBeforeMark(s) {
		rules = append(rules, "space-before-punctuation")
	}
	if markRunIn(s) {
		rules = append(rules, "missing-space-after-punctuation")
	}
	if len(rules) == 0 {
		return nil, "spacing inside quotation marks"
	}
	return rules, ""
}

// spaceBeforeMark reports a space before , . ; : ! ? ) ] } or after ( [ {.
func spaceBeforeMark(s string) bool {
	for i := 1; i < len(s); i++ {
		switch {
		case strings.IndexByte(",.;:!?)]}", s[i]) >= 0 && isBlank(s[i-1]):
			return true
		case strings.IndexByte("([{", s[i-1]) >= 0 && isBlank(s[i]):
			return true
		}
	}
	return false
}

// markRunIn reports a comma or semicolon followed by a letter, or . ! ? after a lower-case word
// of two letters or more followed by a capital: "This,is", "text.And".
func markRunIn(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		c, next := s[i], s[i+1]
		switch {
		case (c == ',' || c == ';') && isASCIILetter(next):
			return true
		case (c == '.' || c == '!' || c == '?') && next >= 'A' && next <= 'Z' && i >= 2 &&
			s[i-1] >= 'a' && s[i-1] <= 'z' && isASCIILetter(s[i-2]):
			return true
		}
	}
	return false
}

func isBlank(c byte) bool       { return c == ' ' || c == '\t' }
func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// MapProselint maps proselint's checks: lexical_illusions to repeated-word; in
// typography.punctuation and typography.symbols, a row whose error is two or more spaces to
// multiple-spaces and one whose error is a run of the same mark ("!!", "??") to
// repeated-punctuation. The rest of typography (ellipses, (C), (TM), "x", straight quotes, "?!",
// too many exclamations, "et. al.") is not what copydesk checks. An ok row of a typography module
// tests every rule the module maps to.
func MapProselint(ex Example) ([]string, string) {
	switch ex.Class {
	case "proselint:lexical_illusions":
		return []string{"repeated-word"}, ""
	case "proselint:typography.punctuation", "proselint:typography.symbols":
		if ex.Expect == "ok" {
			return []string{"multiple-spaces", "repeated-punctuation"}, ""
		}
		var rules []string
		if strings.Contains(ex.Sentence, "  ") {
			rules = append(rules, "multiple-spaces")
		}
		if sameMarkRun(ex.Sentence) {
			rules = append(rules, "repeated-punctuation")
		}
		if len(rules) == 0 {
			return nil, "typography copydesk does not check"
		}
		return rules, ""
	}
	return nil, "check copydesk does not do"
}

// sameMarkRun reports "!!", "??", ",," or ";;" (not "..", which may start an ellipsis).
func sameMarkRun(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1] && strings.IndexByte("!?,;", s[i]) >= 0 {
			return true
		}
	}
	return false
}

// The article an example becomes: a title line, a blank line, the sentence as the body. The
// title has more than four words so that the parser does not take it for a section label.
const exampleTitle = "Sample sentence from a checker test suite\n\n"

// ExampleArticle returns the plain-text article for a sentence and where the sentence starts.
func ExampleArticle(sentence string) ([]byte, int) {
	var b bytes.Buffer
	b.WriteString(exampleTitle)
	b.WriteString(sentence)
	if !strings.HasSuffix(sentence, "\n") {
		b.WriteByte('\n')
	}
	return b.Bytes(), len(exampleTitle)
}

// Disagreement is one example where copydesk and the checker differ.
type Disagreement struct {
	Example  Example
	Findings []string // the mapped rule's messages, for an ok row
}

// RuleAgreement is how one copydesk rule agrees with a checker.
type RuleAgreement struct {
	Rule           string // the issue rule ID
	Registered     bool
	Error, OK      int // rows of each kind
	Flagged        int // error rows the rule flags
	Quiet          int // ok rows it leaves alone
	Disagreements  []Disagreement
	checkerClasses map[string]int
}

// Rows returns the number of examples the rule was tested on.
func (ra *RuleAgreement) Rows() int { return ra.Error + ra.OK }

// Agree returns the number of examples where copydesk and the checker agree.
func (ra *RuleAgreement) Agree() int { return ra.Flagged + ra.Quiet }

// Agreement is a checker's examples run through copydesk.
type Agreement struct {
	Name    string
	Total   int
	Skipped map[string]int // unmapped examples by reason
	Rules   []*RuleAgreement
}

// MeasureAgreement lints each example that maps to a copydesk rule as a one-paragraph
// plain-text article. The rule agrees when it flags an error row (some finding of it touches the
// sentence) or leaves an ok row alone.
func (e *Env) MeasureAgreement(name string, examples []Example, mapf Mapper, rs *Rules) (*Agreement, error) {
	ag := &Agreement{Name: name, Total: len(examples), Skipped: map[string]int{}}
	byRule := map[string]*RuleAgreement{}
	for _, ex := range examples {
		rules, skip := mapf(ex)
		if len(rules) == 0 {
			ag.Skipped[skip]++
			continue
		}
		src, start := ExampleArticle(ex.Sentence)
		end := start + len(ex.Sentence)
		var diags []lint.Diagnostic
		for _, id := range rules {
			if rs.Lookup(id) != nil && diags == nil {
				var err error
				if diags, err = e.Lint("example.txt", src); err != nil {
					return nil, fmt.Errorf("line %d: %w", ex.Line, err)
				}
			}
		}
		for _, id := range rules {
			ra := byRule[id]
			if ra == nil {
				ra = &RuleAgreement{Rule: id, Registered: rs.Lookup(id) != nil, checkerClasses: map[string]int{}}
				byRule[id] = ra
			}
			ra.checkerClasses[ex.Class]++
			if ex.Expect == "error" {
				ra.Error++
			} else {
				ra.OK++
			}
			if !ra.Registered {
				continue
			}
			name := rs.Name(id)
			var msgs []string
			for _, d := range diags {
				if d.Rule == name && overlaps(d, start, end) {
					msgs = append(msgs, fmt.Sprintf("%s %s", context(src, d.Start, d.End, 12), d.Message))
				}
			}
			switch {
			case ex.Expect == "error" && len(msgs) > 0:
				ra.Flagged++
			case ex.Expect == "ok" && len(msgs) == 0:
				ra.Quiet++
			default:
				ra.Disagreements = append(ra.Disagreements, Disagreement{Example: ex, Findings: msgs})
			}
		}
	}
	for _, ir := range IssueRules {
		if ra := byRule[ir.ID]; ra != nil {
			ag.Rules = append(ag.Rules, ra)
			delete(byRule, ir.ID)
		}
	}
	for _, id := range sortedKeys(byRule) {
		ag.Rules = append(ag.Rules, byRule[id])
	}
	return ag, nil
}

// Print writes one row per rule and, with verbose, every disagreement.
func (ag *Agreement) Print(w io.Writer, rs *Rules, verbose bool) {
	mapped := 0
	for _, n := range ag.Skipped {
		mapped -= n
	}
	mapped += ag.Total
	fmt.Fprintf(w, "Agreement with %s: %d examples, %d map to copydesk rules\n\n", ag.Name, ag.Total, mapped)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "rule\trows\terror\tok\tflagged errors\tquiet on ok\tagreement\t")
	for _, ra := range ag.Rules {
		if !ra.Registered {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\tnot registered\t\t\t\n", ra.Rule, ra.Rows(), ra.Error, ra.OK)
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d/%d\t%d/%d\t%s\t\n", rs.Name(ra.Rule), ra.Rows(), ra.Error, ra.OK,
			ra.Flagged, ra.Error, ra.Quiet, ra.OK, percent(ra.Agree(), ra.Rows()))
	}
	tw.Flush()
	fmt.Fprintf(w, "  not mapped:")
	for _, k := range sortedKeys(ag.Skipped) {
		fmt.Fprintf(w, " %s (%d);", k, ag.Skipped[k])
	}
	fmt.Fprintln(w)
	if verbose {
		for _, ra := range ag.Rules {
			if len(ra.Disagreements) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n  %s disagrees on %d rows:\n", rs.Name(ra.Rule), len(ra.Disagreements))
			for _, d := range ra.Disagreements {
				what := "missed"
				if d.Example.Expect == "ok" {
					what = "false alarm"
				}
				fmt.Fprintf(w, "    line %d %s %s: %q\n", d.Example.Line, d.Example.Class, what, d.Example.Sentence)
				for _, m := range d.Findings {
					fmt.Fprintf(w, "        %s\n", m)
				}
			}
		}
	}
	fmt.Fprintln(w)
}
