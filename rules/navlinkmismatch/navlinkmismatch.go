// Package navlinkmismatch finds previous/next links that the other article
// does not return: A says its next is B, but B's previous is not A.
package navlinkmismatch

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/nav"
)

// Rule is the nav-link-mismatch rule.
var Rule = &lint.Rule{
	ID:       "nav-link-mismatch",
	Category: lint.CategoryLinks,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixUnsafe,
	Doc: lint.Doc{
		Title: "A previous/next link that the other article does not return",
		Why: "When A's next is B, B's previous should be A; otherwise a reader going forward then back lands " +
			"somewhere else, and one of the two links is wrong. Two articles that both claim the same next are " +
			"reported too. The finding goes where the fix belongs: on B's back link when it names another article " +
			"or is missing, or on A's link when B already points back to a third article that returns the link. " +
			"Nothing is reported when B's back link is broken (see nav-link-broken), when B deliberately has none " +
			"(prev: false, pagination_prev: null), or when B has no navigation at all, since generators then " +
			"derive the link themselves.",
		Wrong: "a.txt:  [next]:Winter lecture series concludes\nb.txt (\"Winter lecture series concludes\"):  [previous]:Museum opens new gallery",
		Right: "b.txt:  [previous]:<the title of a.txt>",
		Fix: "Unsafe: corrects the back link to name the article that claims it (a title, or a path written in the " +
			"link's own style); in a plain-text article with no back link, adds a line such as [previous]:Title in " +
			"the style of its other navigation lines. Unsafe because either side may be the wrong one.",
	},
	Corpus: lint.Corpus(check),
}

func check(pass *lint.CorpusPass) {
	x := nav.For(pass)
	type key struct {
		at    int
		start int
	}
	done := map[key]bool{}
	var at func(int) bool // every article
	if pass.Reported != nil {
		at = pass.Reports
	}
	ms := x.MismatchesFor(x.Claims(), at)
	// A link that another finding corrects is not judged as a claim of
	// its own: its fix settles both.
	corrected := map[*document.NavLink]bool{}
	for _, m := range ms {
		if m.Kind == nav.BackWrong && m.Link != nil {
			corrected[m.Link] = true
		}
	}
	keep := ms[:0]
	for _, m := range ms {
		n := 0
		for _, c := range m.Claims {
			if !corrected[c.Link] {
				n++
			}
		}
		if n > 0 || m.Kind == nav.BackWrong {
			keep = append(keep, m)
		}
	}
	ms = keep
	// Corrections of a back link win over the odd-claim view of the same link.
	for kind := nav.BackWrong; kind <= nav.Odd; kind++ {
		for i := range ms {
			m := &ms[i]
			if m.Kind != kind || !pass.Reports(m.At) {
				continue
			}
			s := x.Sums[m.At]
			k := key{m.At, -1}
			if m.Link != nil {
				k.start = m.Link.Span.Start
				if m.Link.Span == (document.Span{}) {
					k.start = -2 - len(done)
				}
			}
			if done[k] {
				continue
			}
			done[k] = true
			if d, ok := diagnose(x, m); ok {
				pass.Report(s.Path, d)
			}
		}
	}
}

func claimants(x *nav.Index, m *nav.Mismatch) string {
	var names []string
	for _, c := range m.Claims {
		names = append(names, x.Article(c.From))
	}
	if len(names) == 2 {
		return names[0] + " and " + names[1] + " both"
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + " all"
}

func diagnose(x *nav.Index, m *nav.Mismatch) (lint.Diagnostic, bool) {
	y := x.Sums[m.Target]
	back := nav.Opposite(m.Dir)
	var d lint.Diagnostic
	switch m.Kind {
	case nav.BackWrong:
		d = at(m.Link.Span)
		claimant := m.Claims[0].From
		if m.Suggest < 0 {
			d.Message = fmt.Sprintf("%s link names %s, but %s gives this article as its %s; correct this link or that one",
				back, names(x, m.Back), x.Article(claimant), m.Dir)
			break
		}
		d.Message = fmt.Sprintf("%s link names %s, but %s gives this article as its %s; point it back to %s",
			back, names(x, m.Back), x.Article(claimant), m.Dir, x.Article(claimant))
		if t, ok := x.TargetFor(m.Target, m.Suggest, m.Link); ok && m.Link.Span.End > m.Link.Span.Start {
			d.Fix = &lint.Fix{Applicability: lint.Unsafe, Message: fmt.Sprintf("Point the %s link at %q", back, t),
				Edits: []lint.Edit{{Start: m.Link.Span.Start, End: m.Link.Span.End, NewText: t}}}
		}
	case nav.BackMissing:
		anchor := firstSpan(y)
		d = at(anchor)
		d.Message = fmt.Sprintf("%s gives this article as its %s, but this article has no %s link; add one naming %s",
			x.Article(m.Suggest), m.Dir, back, x.Article(m.Suggest))
		if y.Format == document.FormatText {
			if e, ok := addLine(x, m.Target, back, m.Suggest); ok {
				d.Fix = &lint.Fix{Applicability: lint.Unsafe, Message: fmt.Sprintf("Add a %s link to %s", back, x.Article(m.Suggest)), Edits: []lint.Edit{e}}
			}
		}
	case nav.Shared:
		sp := firstSpan(y)
		if m.Link != nil {
			sp = m.Link.Span
		}
		d = at(sp)
		d.Message = fmt.Sprintf("%s give this article as their %s, and its %s link names none of them; keep one and correct the others",
			claimants(x, m), m.Dir, back)
	case nav.Odd:
		d = at(m.Link.Span)
		d.Message = fmt.Sprintf("%s link names %s, whose %s link names %s instead; point it at the article that follows this one",
			m.Dir, x.Article(m.Target), back, names(x, m.Back))
		if m.Dir == document.NavPrev {
			d.Message = fmt.Sprintf("%s link names %s, whose %s link names %s instead; point it at the article before this one",
				m.Dir, x.Article(m.Target), back, names(x, m.Back))
		}
		if m.Suggest >= 0 && m.Link.Span.End > m.Link.Span.Start {
			if t, ok := x.TargetFor(m.At, m.Suggest, m.Link); ok {
				d.Message += fmt.Sprintf(" (%s names this article as its %s)", x.Article(m.Suggest), back)
				d.Fix = &lint.Fix{Applicability: lint.Unsafe, Message: fmt.Sprintf("Point the %s link at %q", m.Dir, t),
					Edits: []lint.Edit{{Start: m.Link.Span.Start, End: m.Link.Span.End, NewText: t}}}
			}
		}
	}
	return d, true
}

func at(sp document.Span) lint.Diagnostic { return lint.Diagnostic{Start: sp.Start, End: sp.End} }

func names(x *nav.Index, ids []int) string {
	var out []string
	for _, i := range ids {
		out = append(out, x.Article(i))
	}
	return strings.Join(out, " and ")
}

// firstSpan is where a finding about a missing link goes: the first
// navigation link, else the title.
func firstSpan(s *document.Summary) document.Span {
	for _, l := range s.Nav {
		if l.Span.End > l.Span.Start {
			return l.Span
		}
	}
	return s.TitleSpan
}

// labels pairs each navigation label with its opposite, as plain-text
// exports write them.
var labels = [][2]string{
	{"[next]", "[previous]"}, {"[prev]", "[next]"}, {"next article", "previous article"},
	{"next", "previous"}, {"prev", "next"}, {"下一篇", "上一篇"}, {"下一条", "上一条"},
}

// addLine writes a navigation line for dir naming article to, in the style
// of the document's last navigation line (bullet, label, separator), after it.
func addLine(x *nav.Index, in int, dir document.NavDir, to int) (lint.Edit, bool) {
	s := x.Sums[in]
	title := x.Sums[to].Title
	if title == "" || strings.ContainsAny(title, "\r\n") {
		return lint.Edit{}, false
	}
	var last *document.NavLink
	for k := range s.Nav {
		if s.Nav[k].Span.End > s.Nav[k].Span.Start {
			last = &s.Nav[k]
		}
	}
	if last == nil || last.Dir == dir {
		return lint.Edit{}, false
	}
	ls := bytes.LastIndexByte(s.Src[:last.Span.Start], '\n') + 1
	line := s.Src[ls:last.Span.Start]
	li := bytes.Index(line, []byte(last.Label))
	if li < 0 {
		return lint.Edit{}, false
	}
	label, ok := opposite(last.Label)
	if !ok {
		return lint.Edit{}, false
	}
	prefix, sep := line[:li], line[li+len(last.Label):]
	end := last.Span.End
	for end < len(s.Src) && s.Src[end] != '\n' && s.Src[end] != '\r' {
		end++
	}
	text := s.Newline() + string(prefix) + label + string(sep) + title
	return lint.Edit{Start: end, End: end, NewText: text}, true
}

// opposite returns the label for the other direction, in the same case.
func opposite(label string) (string, bool) {
	low := strings.ToLower(label)
	for _, p := range labels {
		for k := range 2 {
			if low != p[k] {
				continue
			}
			o := p[1-k]
			switch {
			case label == strings.ToUpper(label) && label != low:
				return strings.ToUpper(o), true
			case label != low && len(label) > 0 && label[0] >= 'A' && label[0] <= 'Z':
				return strings.ToUpper(o[:1]) + o[1:], true
			}
			return o, true
		}
	}
	return "", false
}
