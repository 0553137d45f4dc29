package nameconsistency

import (
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/names"
)

// Group is a name's spellings across a corpus: the dominant one and the
// variants the rule reports.
type Group = names.Group

// Spelling is one written form with its count and first locations.
type Spelling = names.Spelling

// Kind names where a group's spellings come from: "name" (capitalised
// phrases and acronyms), "phrase" (lowercase pairs) or "front-matter".
func Kind(g Group) string {
	switch g.Kind {
	case names.KindMeta:
		return "front-matter"
	case names.KindLower:
		return "phrase"
	}
	return "name"
}

// A Survey mines documents one at a time and groups their spellings, as
// the rule does, for `copydesk names`. It keeps each document's mined
// spellings and summary, never its tokens.
type Survey struct {
	cfg       *lint.Config
	opt       names.MineOptions
	paths     []string
	facts     []*names.Fact
	summaries map[string]*lint.Summary
}

// NewSurvey starts a survey under cfg (its glossary names dominate) with
// the rule's default thresholds.
func NewSurvey(cfg *lint.Config) *Survey {
	return &Survey{cfg: cfg, opt: names.MineOptions{MinCount: 3, Ratio: 3}, summaries: map[string]*lint.Summary{}}
}

// Add mines one parsed document.
func (s *Survey) Add(doc *lint.Document) {
	s.paths = append(s.paths, doc.Path)
	s.facts = append(s.facts, names.Mine(doc, s.opt))
	s.summaries[doc.Path] = doc.Summary
}

// Summary returns the summary of a surveyed document, for positions.
func (s *Survey) Summary(path string) *lint.Summary { return s.summaries[path] }

// Groups returns the groups in which one spelling dominates, the most
// frequent first.
func (s *Survey) Groups() []Group {
	return names.Groups(s.paths, s.facts, names.GroupOptions{MinCount: s.opt.MinCount, Ratio: s.opt.Ratio, Index: names.IndexFor(s.cfg)})
}

type glossaryEntry struct {
	Name     string   `yaml:"name"`
	Variants []string `yaml:"variants,omitempty"`
}

// WriteGlossary writes the names of groups as a glossary a person can
// review and commit: each dominant spelling as the name, the others as its
// known variants. Lowercase phrases are not names and are left out.
func WriteGlossary(w io.Writer, groups []Group) error {
	var out struct {
		Names []glossaryEntry `yaml:"names"`
	}
	for _, g := range groups {
		if g.Kind == names.KindLower {
			continue
		}
		e := glossaryEntry{Name: g.Dominant.Surface}
		for _, v := range g.Variants {
			e.Variants = append(e.Variants, v.Surface)
		}
		out.Names = append(out.Names, e)
	}
	if _, err := io.WriteString(w, "# Written by copydesk names: the dominant spelling of each name and the\n# variants found beside it. Review before committing.\n"); err != nil {
		return fmt.Errorf("write glossary: %w", err)
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write glossary: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("write glossary: %w", err)
	}
	return nil
}

// Frequent returns the names (capitalised phrases of two words or more)
// seen at least min times in at least docs of the surveyed documents, in
// their most frequent spelling: the canonical names a clean archive uses.
func (s *Survey) Frequent(min, docs int) []string { return names.Frequent(s.facts, min, docs) }
