// Package navlinkorder finds next links to older articles and chains of
// previous/next links that loop back on themselves.
package navlinkorder

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/nav"
)

// Rule is the nav-link-order rule.
var Rule = &lint.Rule{
	ID:       "nav-link-order",
	Category: lint.CategoryLinks,
	Severity: lint.SeverityWarning,
	Doc: lint.Doc{
		Title: "A next article dated before the current one, or a chain of links with a cycle",
		Why: "Previous/next links run through the archive in date order; a next article that is older than the " +
			"current one, or a previous article that is newer, usually means a link was copied from another " +
			"article. A chain that comes back to where it started traps a reader going forward. Dates are " +
			"compared by day, and only when both are valid and unambiguous; a previous link is judged only when " +
			"the other article's next link does not already return it (that pair is reported once, on the next link).",
		Wrong: "Date:2025-03-14\n...\n[next]:Winter lecture series concludes   (dated 2025-01-20)",
		Right: "[next]:Museum opens new gallery on ocean research   (dated 2025-03-20)",
	},
	Corpus: lint.Corpus(check),
}

type day struct{ y, m, d int }

func (a day) before(b day) bool {
	if a.y != b.y {
		return a.y < b.y
	}
	if a.m != b.m {
		return a.m < b.m
	}
	return a.d < b.d
}

func (a day) String() string { return fmt.Sprintf("%04d-%02d-%02d", a.y, a.m, a.d) }

func dayOf(s *document.Summary) (day, bool) {
	f := s.Date
	if f == nil || f.ParseErr != nil || f.Parsed.Err != nil || f.Parsed.Ambiguous || f.Parsed.Year == 0 {
		return day{}, false
	}
	return day{f.Parsed.Year, f.Parsed.Month, f.Parsed.Day}, true
}

func check(pass *lint.CorpusPass) {
	x := nav.For(pass)
	claims := x.Claims()
	next := map[int]int{}
	prevOf := map[int][]int{}
	multi := map[int]bool{}
	for _, c := range claims {
		if c.Dir == document.NavNext {
			if _, ok := next[c.From]; ok {
				multi[c.From] = true
			}
			next[c.From] = c.To
		} else {
			prevOf[c.From] = append(prevOf[c.From], c.To)
		}
	}
	for _, c := range claims {
		if !pass.Reports(c.From) {
			continue
		}
		a, okA := dayOf(x.Sums[c.From])
		b, okB := dayOf(x.Sums[c.To])
		if !okA || !okB || c.From == c.To {
			continue
		}
		s := x.Sums[c.From]
		switch {
		case c.Dir == document.NavNext && b.before(a):
			pass.Report(s.Path, lint.Diagnostic{Start: c.Link.Span.Start, End: c.Link.Span.End,
				Message: fmt.Sprintf("next article %s is dated %s, before this one (%s); point the link at a later article", x.Article(c.To), b, a)})
		case c.Dir == document.NavPrev && a.before(b):
			if n, ok := next[c.To]; ok && n == c.From {
				continue // reported on the other article's next link
			}
			pass.Report(s.Path, lint.Diagnostic{Start: c.Link.Span.Start, End: c.Link.Span.End,
				Message: fmt.Sprintf("previous article %s is dated %s, after this one (%s); point the link at an earlier article", x.Article(c.To), b, a)})
		}
	}
	inCycle := map[int]bool{}
	report := func(cycle []int, dir document.NavDir, link func(int) *document.NavLink) {
		// Report once, on the article with the smallest path.
		first := 0
		for k, i := range cycle {
			if x.Paths[i] < x.Paths[cycle[first]] {
				first = k
			}
		}
		var names []string
		for k := range len(cycle) + 1 {
			names = append(names, x.Article(cycle[(first+k)%len(cycle)]))
		}
		at := cycle[first]
		if !pass.Reports(at) {
			return
		}
		l := link(at)
		msg := fmt.Sprintf("the %s links form a cycle of %d articles: %s; break it where the chain should end", dir, len(cycle), strings.Join(names, " → "))
		if len(cycle) == 1 {
			msg = fmt.Sprintf("the %s link points at this article itself; point it at another article or remove it", dir)
		}
		pass.Report(x.Sums[at].Path, lint.Diagnostic{Start: l.Span.Start, End: l.Span.End, Message: msg})
	}
	firstLink := func(dir document.NavDir, to map[int]int) func(int) *document.NavLink {
		return func(i int) *document.NavLink {
			for _, c := range claims {
				if c.From == i && c.Dir == dir && c.To == to[i] {
					return c.Link
				}
			}
			return &document.NavLink{}
		}
	}
	prev := map[int]int{}
	for from, tos := range prevOf {
		if len(tos) == 1 {
			prev[from] = tos[0]
		}
	}
	for _, g := range []struct {
		dir document.NavDir
		to  map[int]int
	}{{document.NavNext, next}, {document.NavPrev, prev}} {
		for _, cycle := range cycles(len(x.Sums), g.to, multi) {
			seen := false
			for _, i := range cycle {
				seen = seen || inCycle[i]
			}
			for _, i := range cycle {
				inCycle[i] = true
			}
			if !seen {
				report(cycle, g.dir, firstLink(g.dir, g.to))
			}
		}
	}
}

// cycles finds the cycles of a graph where each node has at most one
// successor, in node order, each cycle listed from its lowest node.
func cycles(n int, to map[int]int, skip map[int]bool) [][]int {
	state := make([]uint8, n) // 0 new, 1 on the current walk, 2 done
	var out [][]int
	for start := range n {
		if state[start] != 0 {
			continue
		}
		var walk []int
		i := start
		for state[i] != 2 {
			if state[i] == 1 {
				k := 0
				for walk[k] != i {
					k++
				}
				out = append(out, append([]int(nil), walk[k:]...))
				break
			}
			state[i] = 1
			walk = append(walk, i)
			j, ok := to[i]
			if !ok || skip[i] {
				break
			}
			i = j
		}
		for _, w := range walk {
			state[w] = 2
		}
	}
	return out
}
