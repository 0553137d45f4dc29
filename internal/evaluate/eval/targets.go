package eval

import "github.com/copydesk/copydesk/lint"

// An IssueRule is one rule the rule-set issue asks for. Rules land one by one, so the tables
// name them by ID and every measurement says "not registered" for the ones not there yet.
type IssueRule struct {
	ID string
	// Aliases are other IDs the rule may be registered under while names settle; the first
	// registered of ID and Aliases is measured.
	Aliases []string
	Finds   string // the defect, as the issue words it
}

// IssueRules lists the rules of the issue in its order.
var IssueRules = []IssueRule{
	{ID: "repeated-word", Finds: "doubled word"},
	{ID: "repeated-punctuation", Finds: "doubled punctuation"},
	{ID: "space-before-punctuation", Finds: "space before punctuation"},
	{ID: "missing-space-after-punctuation", Finds: "missing space after punctuation"},
	{ID: "multiple-spaces", Finds: "multiple spaces"},
	{ID: "unbalanced-quotes", Finds: "unbalanced quote"},
	{ID: "unbalanced-brackets", Aliases: []string{"unbalanced-parentheses"}, Finds: "unbalanced bracket"},
	{ID: "quote-style", Aliases: []string{"mixed-quotes", "mixed-quote-style"}, Finds: "mixed quote style"},
	{ID: "trailing-whitespace", Finds: "trailing whitespace"},
	{ID: "blank-lines", Finds: "blank lines"},
	{ID: "terminal-punctuation", Aliases: []string{"missing-terminal-punctuation"}, Finds: "missing terminal punctuation"},
	{ID: "nbsp", Finds: "nbsp as word space"},
	{ID: "invisible-char", Aliases: []string{"invisible-characters", "invisible-chars"}, Finds: "invisible char"},
	{ID: "fullwidth-punctuation", Aliases: []string{"full-width-punctuation"}, Finds: "full-width punctuation"},
	{ID: "html-entity", Aliases: []string{"html-entities"}, Finds: "HTML entity"},
	{ID: "mojibake", Finds: "mojibake"},
	{ID: "image-placeholder", Finds: "image placeholder line"},
	{ID: "bullet-artifact", Aliases: []string{"bullet-artifacts"}, Finds: "bullet artifact"},
	{ID: "separator-line", Aliases: []string{"separator-lines"}, Finds: "separator line"},
	{ID: "unicode-normalization", Aliases: []string{"nfc", "unicode-nfc", "normalization"}, Finds: "NFD text"},
}

// Rules resolves the issue's rule IDs against a registry.
type Rules struct {
	reg   *lint.Registry
	byID  map[string]*lint.Rule // issue ID -> registered rule, when registered
	issue map[string]bool       // registered rule ID -> it is an issue rule
}

// Resolve finds each issue rule in reg under its ID or an alias.
func Resolve(reg *lint.Registry) *Rules {
	rs := &Rules{reg: reg, byID: map[string]*lint.Rule{}, issue: map[string]bool{}}
	for _, ir := range IssueRules {
		for _, id := range append([]string{ir.ID}, ir.Aliases...) {
			if r, ok := reg.Lookup(id); ok {
				rs.byID[ir.ID] = r
				rs.issue[r.ID] = true
				break
			}
		}
	}
	return rs
}

// Lookup returns the registered rule for an issue rule ID (or a registered ID), nil when the
// rule is not registered.
func (rs *Rules) Lookup(id string) *lint.Rule {
	if r, ok := rs.byID[id]; ok {
		return r
	}
	if r, ok := rs.reg.Lookup(id); ok {
		return r
	}
	return nil
}

// Name returns the ID to show for an issue rule: the registered ID when it differs.
func (rs *Rules) Name(id string) string {
	if r := rs.Lookup(id); r != nil {
		return r.ID
	}
	return id
}

// Status describes a rule for tables: its fixes, or that it is not registered.
func (rs *Rules) Status(id string) string {
	r := rs.Lookup(id)
	if r == nil {
		return "not registered"
	}
	switch r.Fixable {
	case lint.FixSafe:
		return "safe fix"
	case lint.FixMixed:
		return "safe/unsafe fix"
	case lint.FixUnsafe:
		return "unsafe fix"
	}
	return "no fix"
}
