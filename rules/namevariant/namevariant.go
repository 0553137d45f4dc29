// Package namevariant finds names spelled otherwise than the glossary
// says: listed variants (safe fix) and near misses found without being
// listed (unsafe fix).
package namevariant

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/names"
)

// Rule is the name-variant rule.
var Rule = &lint.Rule{
	ID:       "name-variant",
	Category: lint.CategoryNames,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixMixed,
	Doc: lint.Doc{
		Title: "A name spelled otherwise than the glossary (`names` in .copydesk.yaml) says",
		Why: "A name spelled several ways across an archive looks careless and splits search results. " +
			"Listed variants are matched whatever their case and spacing; near misses are found without being " +
			"listed: a letter dropped from a word of six letters or more (Haoin), two letters swapped in a word of " +
			"five or more, a letter added or changed in a long word (Lakesde), a word in the plural inside the name " +
			"(Sciences), words joined or split (Annaberg, Lake side), a comma, hyphen or & for \"and\" or a space, " +
			"of for for, a capital lost inside the name, a word dropped from a name of four words or more, and a " +
			"person's given and family names swapped. The longest glossary match wins; names that continue into a " +
			"longer capitalised name (National Academy of Sciences) are left alone except in titles, headings and " +
			"captions, which capitalise every word; a plural ending, a possessive and two names coordinated (the Go " +
			"and App Engine teams) are grammar. Two real names that look alike are marked in the config (names: " +
			"- distinct: [A, B]). Code, URLs and link targets are never read. With no glossary the rule does nothing.",
		Wrong: "The Harbor City Museum of Sciences and Technology opens on Monday.",
		Right: "The Harbor City Museum of Science and Technology opens on Monday.",
		Fix: "Safe for a listed variant: it is replaced by the canonical name. Unsafe for a near miss: the " +
			"spelling may be another name the glossary does not know, so a person confirms the replacement. No " +
			"fix across a line break (it would join two lines) or for a dropped word or swapped names.",
	},
	Run:      run,
	Requires: []lint.Requirement{names.DocWords, names.DocScratch},
}

func run(pass *lint.Pass) {
	ix := names.IndexFor(pass)
	if ix == nil {
		return
	}
	ix.FindIn(pass.Doc, names.DocWords.Of(pass), names.DocScratch.Of(pass), func(m names.Match) {
		if ix.Distinct(m.Text, m.Target.Surface) {
			return
		}
		e := ix.Entries[m.Target.Entry]
		where := ""
		if e.Source != "" {
			where = " (" + e.Source + ")"
		}
		d := lint.Diagnostic{Start: m.Start, End: m.End}
		fix := &lint.Fix{Message: fmt.Sprintf("Write %q", m.Target.Surface), Edits: []lint.Edit{{Start: m.Start, End: m.End, NewText: m.Target.Surface}}}
		if m.Known {
			d.Message = fmt.Sprintf("%q is a known wrong spelling of %q%s; write the canonical name", m.Text, e.Name, where)
			fix.Applicability = lint.Safe
		} else {
			d.Message = fmt.Sprintf("%q looks like a misspelling of %q, glossary entry %q%s; write the canonical form, or if both are names, list them in the config: names: - distinct: [%q, %q]",
				m.Text, m.Target.Surface, e.Name, where, m.Text, m.Target.Surface)
			fix.Applicability = lint.Unsafe
		}
		// A replacement across a line break would join two lines (of a
		// verse, a list): the finding stands, without a fix.
		if !strings.ContainsAny(string(pass.Doc.Src[m.Start:m.End]), "\n\r") && !m.Near {
			d.Fix = fix
		}
		pass.Report(d)
	})
}

// ParseMessage reads back the spelling and the glossary's name from a
// message of the rule: `copydesk names` groups findings by them.
func ParseMessage(msg string) (text, name string, ok bool) {
	if n, err := fmt.Sscanf(msg, "%q is a known wrong spelling of %q", &text, &name); err == nil && n == 2 {
		return text, name, true
	}
	if n, err := fmt.Sscanf(msg, "%q looks like a misspelling of %q", &text, &name); err == nil && n == 2 {
		return text, strings.TrimSuffix(name, ","), true
	}
	return "", "", false
}
