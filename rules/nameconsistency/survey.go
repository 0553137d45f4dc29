package nameconsistency

import (
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/rules/internal/names"
)

// A Survey mines documents one at a time, as the rule does, for the
// evaluation's glossary of canonical names. It keeps each document's mined
// spellings, never its tokens.
type Survey struct {
	facts []*names.Fact
}

// NewSurvey starts a survey. It reads no configuration: a survey counts
// what the documents write.
func NewSurvey() *Survey { return &Survey{} }

// Add mines one parsed document.
func (s *Survey) Add(doc *document.Document) {
	s.facts = append(s.facts, names.Mine(doc, names.MineOptions{MinCount: minCount.Default, Ratio: ratio.Default}))
}

// Frequent returns the names (capitalised phrases of two words or more)
// seen at least min times in at least docs of the surveyed documents, in
// their most frequent spelling: the canonical names a clean archive uses.
func (s *Survey) Frequent(min, docs int) []string { return names.Frequent(s.facts, min, docs) }
