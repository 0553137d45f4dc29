// Package navlinkbroken finds previous/next links whose target matches no
// article of the corpus, and offers the one near match when there is one.
package navlinkbroken

import (
	"fmt"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/nav"
)

// Rule is the nav-link-broken rule.
var Rule = &lint.Rule{
	ID:       "nav-link-broken",
	Category: lint.CategoryLinks,
	Severity: lint.SeverityError,
	Fixable:  lint.FixUnsafe,
	Doc: lint.Doc{
		Title: "A previous/next link whose target matches no article",
		Why: "A navigation link that points at nothing breaks the reader's path through the archive, and a " +
			"generator may fail the build. Targets are resolved against every article of the corpus (the files " +
			"linted, plus the archive named by `corpus:` in the config): by path, or by title, exactly first and " +
			"then ignoring case, spaces and punctuation. Paths follow the generators: VitePress links are " +
			"site-absolute without .md (/en/guide/intro), a trailing slash or a folder means its index.md, and " +
			"the site root is the nearest folder above the article under which the link names an article; " +
			"Docusaurus pagination_prev/pagination_next name a doc id (the folder plus the front matter id:, or " +
			"the file name). `prev: false` and `null` mean no link. URLs are not checked.",
		Wrong: "[next]:Museum opens new galery on ocean research",
		Right: "[next]:Museum opens new gallery on ocean research",
		Fix: "Unsafe: when exactly one article's title (or, for a path, one file name in the folder the link " +
			"names) is a small edit away, rewrites the target to it. Unsafe because the intended article may be " +
			"another one, or missing from the archive.",
	},
	Corpus: lint.Corpus(check),
}

func check(pass *lint.CorpusPass) {
	x := nav.For(pass)
	for i, s := range x.Sums {
		if !pass.Reports(i) {
			continue
		}
		for k := range s.Nav {
			l := &s.Nav[k]
			if l.Target == "" || nav.External(l.Target) || x.Resolve(i, *l) != nil {
				continue
			}
			d := lint.Diagnostic{Start: l.Span.Start, End: l.Span.End,
				Message: fmt.Sprintf("%s link %q matches no article; point it at an existing article", l.Dir, l.Target)}
			if j, text, ok := x.Near(i, *l); ok && l.Span.End > l.Span.Start {
				d.Message = fmt.Sprintf("%s link %q matches no article; did you mean %s?", l.Dir, l.Target, x.Article(j))
				d.Fix = &lint.Fix{Applicability: lint.Unsafe, Message: fmt.Sprintf("Point the link at %q", text),
					Edits: []lint.Edit{{Start: l.Span.Start, End: l.Span.End, NewText: text}}}
			}
			pass.Report(s.Path, d)
		}
	}
}
