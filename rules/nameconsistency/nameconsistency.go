// Package nameconsistency finds a name written several ways across the
// documents being linted, with no glossary needed: the corpus itself says
// which spelling dominates.
package nameconsistency

import (
	"fmt"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/names"
)

// Rule is the name-consistency rule.
var Rule = &lint.Rule{
	ID:       "name-consistency",
	Category: lint.CategoryNames,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixUnsafe,
	Doc: lint.Doc{
		Title: "A name written several ways across the archive, or a defined short form used in another form",
		Why: "Readers and search engines take two spellings for two organisations. The rule mines the documents " +
			"being linted (capitalised phrases, acronyms, frequent lowercase pairs, the author, authors, by and " +
			"team fields of the front matter), groups spellings that differ only by a plural, joined or split " +
			"words, a comma, hyphen or & for \"and\", capitals, or one slipped letter in a long word, and reports " +
			"the rare spellings when one clearly dominates (options min-count and ratio). Glossary names always " +
			"dominate; for front matter names the more frequent form wins. For lowercase pairs an inflection of " +
			"the last word is grammar (research centres) but one of an earlier word is not (researches centres). " +
			"A short form defined in a document, (hereinafter the Museum) or (HCMST), and then written in the " +
			"plural, with other capitals, or with its article dropped or added is reported too.",
		Wrong: "Harbor City Museum of Science and Technology (written so 12 times) … Harbor City Museum of Sciences and Technology",
		Right: "Harbor City Museum of Science and Technology, every time",
		Fix: "Unsafe: replaces the rare spelling with the dominant one; the rare one may be another name, so a " +
			"person confirms.",
	},
	Options: []lint.Option{
		{Name: "min-count", Kind: lint.OptInt, Default: 3, Doc: "how often the dominant spelling must be seen"},
		{Name: "ratio", Kind: lint.OptInt, Default: 3, Doc: "how many times as frequent as a variant the dominant spelling must be"},
	},
	Collect: func(pass *lint.Pass) any {
		return names.Mine(pass.Doc, names.MineOptions{MinCount: pass.Options.Int("min-count"), Ratio: pass.Options.Int("ratio")})
	},
	Check: check,
}

func check(pass *lint.CorpusPass) {
	paths := make([]string, len(pass.Summaries))
	srcs := make([][]byte, len(pass.Summaries))
	facts := make([]*names.Fact, len(pass.Summaries))
	for i, s := range pass.Summaries {
		paths[i] = s.Path
		srcs[i] = s.Src
		facts[i], _ = pass.Facts[i].(*names.Fact)
	}
	opts := lint.Options{"min-count": 3, "ratio": 3}
	if pass.OptionsFor != nil && len(paths) > 0 {
		if o := pass.OptionsFor(paths[0]); o != nil {
			opts = o
		}
	}
	for _, f := range names.Archive(srcs, facts, names.ArchiveOptions{
		MinCount: opts.Int("min-count"), Ratio: opts.Int("ratio"), Config: pass.Config,
	}) {
		d := lint.Diagnostic{Start: f.Span.Start, End: f.Span.End, Message: Message(f)}
		if f.Fix {
			d.Fix = &lint.Fix{Message: fmt.Sprintf("Write %q", f.Target), Applicability: lint.Unsafe,
				Edits: []lint.Edit{{Start: f.Span.Start, End: f.Span.End, NewText: f.Target}}}
		}
		pass.Report(paths[f.Doc], d)
	}
	// Front matter names (author, team) are compared as whole values: the
	// more frequent spelling wins.
	groups := names.Groups(paths, facts, names.GroupOptions{
		MinCount: opts.Int("min-count"), Ratio: opts.Int("ratio"), Kinds: []names.PhraseKind{names.KindMeta},
	})
	for _, g := range groups {
		for _, v := range g.Variants {
			msg := fmt.Sprintf("%q is written %q %d times in front matter; use one spelling", v.Surface, g.Dominant.Surface, g.Dominant.Count)
			for _, l := range v.Locations {
				pass.Report(l.Path, lint.Diagnostic{
					Start: l.Span.Start, End: l.Span.End, Message: msg,
					Fix: &lint.Fix{Message: fmt.Sprintf("Write %q", g.Dominant.Surface), Applicability: lint.Unsafe,
						Edits: []lint.Edit{{Start: l.Span.Start, End: l.Span.End, NewText: g.Dominant.Surface}}},
				})
			}
		}
	}
	for i, f := range facts {
		if f == nil {
			continue
		}
		for _, u := range f.Shorts {
			msg := u.Message
			if msg == "" {
				msg = fmt.Sprintf("%q is the short form %q written %s; write it as defined", u.Text, u.Defined, u.Why)
			}
			pass.Report(paths[i], lint.Diagnostic{
				Start: u.Span.Start, End: u.Span.End, Message: msg,
				Fix: &lint.Fix{Message: fmt.Sprintf("Write %q", u.Fix.NewText), Applicability: lint.Unsafe, Edits: []lint.Edit{u.Fix}},
			})
		}
	}
}

// Message is the message of a finding: the spelling, the archive's own
// with its evidence, what differs, and how to mark two real names.
func Message(f names.Finding) string {
	times, docs := "times", "articles"
	if f.Count == 1 {
		times = "time"
	}
	if f.Docs == 1 {
		docs = "article"
	}
	return fmt.Sprintf("%q: the archive writes %q %d %s in %d %s (%s); if both are names, list them in the config: names: - distinct: [%q, %q]",
		f.Text, f.Target, f.Count, times, f.Docs, docs, f.Kind, f.Text, f.Target)
}

// ParseMessage reads back the spelling, the archive's spelling and its
// counts from a message of the rule: `copydesk names` groups findings by
// them.
func ParseMessage(msg string) (text, target string, count, docs int, ok bool) {
	var unit string
	n, err := fmt.Sscanf(msg, "%q: the archive writes %q %d %s in %d", &text, &target, &count, &unit, &docs)
	return text, target, count, docs, err == nil && n == 5
}
