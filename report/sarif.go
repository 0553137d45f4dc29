package report

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// SARIF writes a SARIF 2.1.0 log that GitHub code scanning accepts.
//
// Columns count Unicode code points (the run declares columnKind
// unicodeCodePoints), end exclusive, like every copydesk position. Fix
// regions use the same line and column properties rather than charOffset,
// so that a consumer never has to guess what a "character" is. URIs are
// relative to Report.Root under the base id %SRCROOT%, percent-encoded.
type SARIF struct{}

// SARIFSchema is the schema a log names in $schema.
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// fingerprintKey names copydesk's partial fingerprint; bump the version if
// the hash ever changes, so that code scanning does not match old alerts
// against a different hash.
const fingerprintKey = "copydesk/v1"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     *sarifText         `json:"shortDescription,omitempty"`
	FullDescription      *sarifText         `json:"fullDescription,omitempty"`
	Help                 *sarifText         `json:"help,omitempty"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration *sarifRuleConfig   `json:"defaultConfiguration,omitempty"`
	Properties           *sarifRuleProperty `json:"properties,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperty struct {
	Tags    []string `json:"tags,omitempty"`
	Fixable string   `json:"fixable,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	Properties      *sarifFixProperty     `json:"properties,omitempty"`
}

type sarifFixProperty struct {
	Applicability string `json:"applicability"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	}
	return "note"
}

// SARIFMaxResults is the most results GitHub code scanning accepts in one
// run; it rejects a larger upload whole.
const SARIFMaxResults = 25000

// SARIFCapped reports how many diagnostics a SARIF report leaves out to
// stay within SARIFMaxResults; the command says so on standard error.
func SARIFCapped(r *Report) int { return max(0, len(r.Diagnostics)-SARIFMaxResults) }

// Format implements Formatter. Above SARIFMaxResults the most severe
// findings are kept, in report order within a severity, and a notification
// says how many were left out.
func (SARIF) Format(w io.Writer, r *Report) error {
	rules, index := sarifRules(r)
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: toolName(r), Version: r.Tool.Version, InformationURI: HomeURL, Rules: rules}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: len(r.Failed) == 0}},
		ColumnKind:  "unicodeCodePoints",
		Results:     make([]sarifResult, 0, len(r.Diagnostics)),
	}
	for _, f := range r.Failed {
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, sarifNotification{
			Level:     "error",
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: r.sarifArtifact(f.Path)}}},
		})
	}
	diags := r.Diagnostics
	if dropped := SARIFCapped(r); dropped > 0 {
		diags = slices.Clone(diags)
		slices.SortStableFunc(diags, func(a, b lint.Diagnostic) int { return cmp.Compare(b.Severity, a.Severity) })
		diags = diags[:SARIFMaxResults]
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, sarifNotification{
			Level: "warning",
			Message: sarifText{Text: fmt.Sprintf("%d results found; only the %d most severe are listed, the most GitHub code scanning accepts in a run (%d left out)",
				len(r.Diagnostics), SARIFMaxResults, dropped)},
		})
	}
	seen := map[string]int{} // fingerprints so far, to number repeats
	for i := range diags {
		d := &diags[i]
		s := r.Source(d.Path)
		art := r.sarifArtifact(d.Path)
		p := r.Position(d)
		fp := fingerprint(d, art.URI, s)
		seen[fp]++
		res := sarifResult{
			RuleID:              d.Rule,
			RuleIndex:           index[d.Rule],
			Level:               sarifLevel(d.Severity),
			Message:             sarifText{Text: d.Message},
			Locations:           []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: art, Region: &sarifRegion{p.Line, p.Column, p.EndLine, p.EndColumn}}}},
			PartialFingerprints: map[string]string{fingerprintKey: fmt.Sprintf("%s:%d", fp, seen[fp])},
		}
		if d.Fix != nil && s != nil {
			change := sarifArtifactChange{ArtifactLocation: art, Replacements: make([]sarifReplacement, 0, len(d.Fix.Edits))}
			for _, e := range d.Fix.Edits {
				rep := sarifReplacement{DeletedRegion: codePointRegion(s, e.Start, e.End)}
				if e.NewText != "" {
					rep.InsertedContent = &sarifText{Text: e.NewText}
				}
				change.Replacements = append(change.Replacements, rep)
			}
			res.Fixes = []sarifFix{{
				Description:     sarifText{Text: d.Fix.Message},
				ArtifactChanges: []sarifArtifactChange{change},
				Properties:      &sarifFixProperty{Applicability: d.Fix.Applicability.String()},
			}}
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

func toolName(r *Report) string {
	if r.Tool.Name == "" {
		return "copydesk"
	}
	return r.Tool.Name
}

// sarifRules describes every registered rule, then any rule a diagnostic
// names that the report was not told about, and indexes them by ID.
func sarifRules(r *Report) ([]sarifRule, map[string]int) {
	out := make([]sarifRule, 0, len(r.Rules))
	index := map[string]int{}
	for _, rule := range r.Rules {
		if _, dup := index[rule.ID]; dup {
			continue
		}
		index[rule.ID] = len(out)
		out = append(out, describeRule(rule))
	}
	var extra []string
	for i := range r.Diagnostics {
		id := r.Diagnostics[i].Rule
		if _, ok := index[id]; !ok {
			index[id] = -1
			extra = append(extra, id)
		}
	}
	sort.Strings(extra)
	for _, id := range extra {
		index[id] = len(out)
		out = append(out, sarifRule{ID: id, Name: pascalCase(id), HelpURI: RuleURL(id)})
	}
	return out, index
}

func describeRule(rule *lint.Rule) sarifRule {
	d := rule.Doc
	sr := sarifRule{
		ID:                   rule.ID,
		Name:                 pascalCase(rule.ID),
		HelpURI:              RuleURL(rule.ID),
		DefaultConfiguration: &sarifRuleConfig{Level: sarifLevel(rule.Severity)},
		Properties:           &sarifRuleProperty{Tags: []string{rule.Category}, Fixable: rule.Fixable.String()},
	}
	if d.Title != "" {
		sr.ShortDescription = &sarifText{Text: d.Title}
	}
	if d.Why != "" {
		sr.FullDescription = &sarifText{Text: d.Why}
	}
	if help := ruleHelp(rule); help.Text != "" {
		sr.Help = &help
	}
	return sr
}

// ruleHelp renders a rule's documentation as plain text and as Markdown,
// the wrong and right examples in code blocks.
func ruleHelp(rule *lint.Rule) sarifText {
	d := rule.Doc
	var t, m strings.Builder
	if d.Why != "" {
		t.WriteString(d.Why + "\n")
		m.WriteString(d.Why + "\n")
	}
	example := func(label, text string) {
		if text == "" {
			return
		}
		fmt.Fprintf(&t, "\n%s:\n%s\n", label, indent(text, "    "))
		fence := strings.Repeat("`", max(3, longestRun(text, '`')+1))
		fmt.Fprintf(&m, "\n**%s**\n\n%stext\n%s\n%s\n", label, fence, strings.TrimRight(text, "\n"), fence)
	}
	example("Wrong", d.Wrong)
	example("Right", d.Right)
	if d.Fix != "" {
		fmt.Fprintf(&t, "\nFix: %s\n", d.Fix)
		fmt.Fprintf(&m, "\n**Fix:** %s\n", d.Fix)
	}
	if t.Len() == 0 {
		return sarifText{}
	}
	fmt.Fprintf(&m, "\n[Documentation](%s)\n", RuleURL(rule.ID))
	return sarifText{Text: strings.TrimRight(t.String(), "\n"), Markdown: strings.TrimRight(m.String(), "\n")}
}

func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

func longestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// pascalCase turns a kebab-case rule ID into the conventional SARIF rule
// name: repeated-word → RepeatedWord.
func pascalCase(id string) string {
	var b strings.Builder
	for part := range strings.SplitSeq(id, "-") {
		if part == "" {
			continue
		}
		r, n := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(part[n:])
	}
	return b.String()
}

// sarifArtifact locates a file: relative to the repository root under
// %SRCROOT% when it lies inside it, else an absolute file: URI.
func (r *Report) sarifArtifact(path string) sarifArtifact {
	p, rel := r.relPath(path)
	if !rel {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // a Windows drive letter
		}
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	return sarifArtifact{URI: (&url.URL{Path: p}).String(), URIBaseID: "%SRCROOT%"}
}

// codePointRegion is the region of the bytes [start, end) in code-point
// columns, matching the run's columnKind.
func codePointRegion(s *document.Excerpt, start, end int) sarifRegion {
	l, c := position(s, start)
	el, ec := position(s, end)
	return sarifRegion{l, c, el, ec}
}

// fingerprint identifies a finding across runs without its line number,
// so that it survives lines being added above it: a hash of the rule, the
// file and the whitespace-normalised text of the range and of the line it
// starts on. The caller numbers repeats within a run (":1", ":2"), as
// GitHub's own primaryLocationLineHash does.
func fingerprint(d *lint.Diagnostic, uri string, s *document.Excerpt) string {
	h := sha256.New()
	h.Write([]byte(d.Rule))
	h.Write([]byte{0})
	h.Write([]byte(uri))
	h.Write([]byte{0})
	if s == nil {
		h.Write([]byte(d.Message))
	} else {
		start, end := max(0, min(d.Start, s.Len())), max(0, min(d.End, s.Len()))
		h.Write(normalizeSpace(s.Text(document.Span{Start: start, End: max(start, end)})))
		h.Write([]byte{0})
		n, _ := position(s, start)
		line, _ := s.LineSpan(n)
		if line.Start == 0 {
			line.Start = min(s.BOM(), line.End)
		}
		h.Write(normalizeSpace(s.Text(line)))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// normalizeSpace collapses each run of white space to one space and trims
// the ends, so that re-wrapping or re-indenting does not change a hash.
func normalizeSpace(b []byte) []byte {
	var out bytes.Buffer
	space := false
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && out.Len() > 0 {
				out.WriteByte(' ')
			}
			space = false
			out.Write(b[i : i+n])
		}
		i += n
	}
	return out.Bytes()
}
