// Package nameconsistency finds a name written several ways across the
// documents being linted, with no glossary needed: the corpus itself says
// which spelling dominates.
package nameconsistency

import (
	"fmt"
	"strings"

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
		Title: "A name written otherwise than the archive writes it, or a defined short form used in another form",
		Why: "Readers and search engines take two spellings for two organisations. The rule learns the archive's own " +
			"names, with no glossary needed: capitalised phrases and the names inside longer ones, from titles, " +
			"captions and navigation lines too, and single words the archive rarely writes in lower case. A phrase " +
			"seen at least 3 times (option min-count) in 2 documents or more is a name; the configured glossary always " +
			"wins. Every document is then matched against these names with name-variant's matcher, and a rare " +
			"spelling is reported with the evidence (\"Lakesde\": the archive writes \"Lakeside\" 25 times in 5 " +
			"articles) when the name is that many times as frequent (option ratio) and the difference is one a " +
			"person would mark: a person's name joined or split, a word inside the name in the plural, a comma or & " +
			"for the name's and, of for for, a letter slipped inside a word, a capital lost inside a name, a word " +
			"dropped from a name of four words or more, given and family names swapped. Never a plural ending, a " +
			"possessive, an article, a capital of a generic last word, two names coordinated, camel case, @handles " +
			"or #hashtags; two spellings each frequent are two names, and so is a spelling one document writes min-count × ratio times " +
			"or more (a slip is occasional). Two real names that look alike are marked " +
			"in the config (names: - distinct: [A, B]), as every message says. Front matter names (author, team) " +
			"are compared as whole values, and a short form defined in a document, (hereinafter the Museum) or " +
			"(HCMST), and then written in the plural or with its article dropped or added, is reported too.",
		Wrong: "Harbor City Museum of Science and Technology (written so 12 times) … Harbor City Museum of Sciences and Technology",
		Right: "Harbor City Museum of Science and Technology, every time",
		Fix: "Unsafe: replaces the rare spelling with the archive's; the rare one may be another name, so a " +
			"person confirms. No fix where the spelling runs across a line break (it would join two lines) or " +
			"where a word was dropped or two names swapped.",
	},
	Options:  []lint.OptionDecl{minCount, ratio},
	Corpus:   lint.FactCodec(lint.CorpusFacts(collect, check), names.EncodeFact, names.DecodeFact),
	Requires: []lint.Requirement{names.DocWords, names.DocScratch},
}

var (
	minCount = lint.IntOption{
		Name: "min-count", Default: 3,
		Doc: "how often a phrase must be seen, in 2 documents or more, to be one of the archive's names (3 at least)",
	}
	ratio = lint.IntOption{
		Name: "ratio", Default: 3,
		Doc: "how many times as frequent as a variant the name must be, in occurrences or in documents",
	}
)

// memo keeps the count of the archive's names between the runs of a
// language server's index, where only the page being edited changes.
var memo = lint.NewKeptValue("count of the archive's names", func() *names.Memo { return new(names.Memo) })

func collect(pass *lint.Pass) *names.Fact {
	// kept until every document is read: only what check reads of it
	return names.MineWords(pass.Doc, names.DocWords.Of(pass), names.MineOptions{MinCount: minCount.Get(pass), Ratio: ratio.Get(pass), Context: pass.Context, Compact: true}, names.DocScratch.Of(pass))
}

func check(pass *lint.CorpusPass, facts []*names.Fact) {
	paths := make([]string, len(pass.Summaries))
	srcs := make([][]byte, len(pass.Summaries))
	// Each file's findings follow its own options: the archive's names
	// are counted over every file, but whether a spelling in a file is
	// reported is decided with the limits configured for that file.
	limits := make([]names.Limits, len(pass.Summaries))
	for i, s := range pass.Summaries {
		paths[i] = s.Path
		srcs[i] = s.Src
		limits[i] = names.Limits{MinCount: minCount.For(pass, s.Path), Ratio: ratio.For(pass, s.Path)}
	}
	opt := names.ArchiveOptions{Limits: limits, Project: pass.Project, Reported: pass.Reports, Memo: memo.Get(pass), Text: pass.Text, Stored: pass.Stored}
	found, groups := names.ArchiveAndMeta(srcs, paths, facts, opt)
	for _, f := range found {
		d := lint.Diagnostic{Start: f.Span.Start, End: f.Span.End, Message: Message(f)}
		if f.Fix {
			d.Fix = &lint.Fix{Message: fmt.Sprintf("Write %q", f.Target), Applicability: lint.Unsafe,
				Edits: []lint.Edit{{Start: f.Span.Start, End: f.Span.End, NewText: f.Target}}}
		}
		pass.Report(paths[f.Doc], d)
	}
	// Front matter names (author, team) are compared as whole values: the
	// more frequent spelling wins, whatever the counts (Groups applies its
	// limits to names in the text only).
	for _, g := range groups {
		for _, v := range g.Variants {
			if sameName(v.Surface, g.Dominant.Surface) {
				continue // "The Compiler Team" and "the compiler team": an article and capitals are style
			}
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
		if f == nil || !pass.Reports(i) {
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

// sameName: the two values differ only in capitals and a leading "the".
func sameName(a, b string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.Join(strings.Fields(s), " "))
		return strings.TrimPrefix(s, "the ")
	}
	return norm(a) == norm(b)
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
