package nameconsistency

import (
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/names"
)

// A Survey mines documents one at a time, as the rule does, for the
// evaluation's glossary of canonical names. It keeps each document's mined
// spellings, never its tokens.
type Survey struct {
	facts []*names.Fact
}

// NewSurvey starts a survey. The configuration is not read: a survey
// counts what the documents write.
func NewSurvey(*lint.Project) *Survey { return &Survey{} }

// Add mines one parsed document.
func (s *Survey) Add(doc *document.Document) {
	s.facts = append(s.facts, names.Mine(doc, names.MineOptions{MinCount: 3, Ratio: 3}))
}

// Frequent returns the names (capitalised phrases of two words or more)
// seen at least min times in at least docs of the surveyed documents, in
// their most frequent spelling: the canonical names a clean archive uses.
func (s *Survey) Frequent(min, docs int) []string { return names.Frequent(s.facts, min, docs) }

// GlossaryEntry is one name of a glossary written by WriteGlossary.
type GlossaryEntry struct {
	Name     string   `yaml:"name"`
	Variants []string `yaml:"variants,omitempty"`
}

// WriteGlossary writes names as a glossary a person can review and commit:
// each name with the variants found beside it.
func WriteGlossary(w io.Writer, entries []GlossaryEntry) error {
	out := struct {
		Names []GlossaryEntry `yaml:"names"`
	}{Names: entries}
	if out.Names == nil {
		out.Names = []GlossaryEntry{}
	}
	if _, err := io.WriteString(w, "# Written by copydesk names: each name the archive writes one way, with the\n# variants found beside it. Review before committing.\n"); err != nil {
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
