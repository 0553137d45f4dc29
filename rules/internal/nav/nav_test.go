package nav_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/nav"
)

// page is an article's summary as the parser leaves it; only what the
// index reads is set.
func page(p, title string, meta map[string]any, links ...document.NavLink) *document.Summary {
	f := document.FormatMarkdown
	if meta == nil {
		f = document.FormatText
	}
	return withHead(&document.Summary{Path: p, Title: title, Meta: meta, Format: f, Src: []byte(title + "\n\nText.\n"), Nav: links})
}

// withHead fills in what a parser reads of the text beyond the summary.
func withHead(s *document.Summary) *document.Summary {
	s.ReadHead()
	return s
}

func next(target string) document.NavLink {
	return document.NavLink{Dir: document.NavNext, Label: "[next]", Target: target}
}
func prev(target string) document.NavLink {
	return document.NavLink{Dir: document.NavPrev, Label: "[previous]", Target: target}
}
func pathLink(dir document.NavDir, target string) document.NavLink {
	return document.NavLink{Dir: dir, Label: "next", Target: target, IsPath: true}
}
func docLink(target string) document.NavLink {
	return document.NavLink{Dir: document.NavNext, Label: "pagination_next", Target: target, IsPath: true}
}

// site is a small corpus: a docs site in docs/en and plain-text news.
func site() []*document.Summary {
	return []*document.Summary{
		0: page("docs/en/guide/index.md", "Guide", map[string]any{"title": "Guide"}),
		1: page("docs/en/guide/setup.md", "Setup", map[string]any{"title": "Setup"}),
		2: page("docs/en/guide/intro.md", "Intro", map[string]any{"title": "Intro", "id": "welcome"}),
		3: page("news/ferry.txt", "Ferry returns", nil),
		4: page("news/ferry-again.txt", "Ferry returns", nil),
		5: page("news/bridge.txt", "Bridge opens", nil),
		6: page("news/桥梁.txt", "桥梁开通 🌉", nil),
		7: withHead(&document.Summary{Path: "news/label.txt", Title: "Harbour News", Format: document.FormatText, Src: []byte("Harbour News\r\nTimetable changes\r\n\r\nText.\r\n")}),
		8: page("news/untitled.txt", "", nil),
	}
}

func TestResolve(t *testing.T) {
	x := nav.Build(site())
	tests := []struct {
		name string
		from int
		link document.NavLink
		want []int
	}{
		{"title", 3, next("Bridge opens"), []int{5}},
		{"title folded", 3, next("  bridge OPENS!"), []int{5}},
		{"title shared by two", 5, prev("Ferry returns"), []int{3, 4}},
		{"CJK and emoji title", 5, next("桥梁开通 🌉"), []int{6}},
		{"a line under the title", 3, next("Timetable changes"), []int{7}},
		{"unknown title", 3, next("Tunnel closes"), nil},
		{"empty", 3, next(" "), nil},
		{"URL", 3, next("https://example.org/news/bridge"), nil},
		{"e-mail", 3, next("mailto:desk@example.org"), nil},
		{"title-like relative path", 3, next("./bridge.txt"), []int{5}},
		{"relative file", 0, pathLink(document.NavNext, "./setup.md"), []int{1}},
		{"no extension", 0, pathLink(document.NavNext, "setup"), []int{1}},
		{"html extension", 0, pathLink(document.NavNext, "setup.html"), []int{1}},
		{"fragment and query", 0, pathLink(document.NavNext, "setup.md#install?x=1"), []int{1}},
		{"folder means its index", 1, pathLink(document.NavPrev, "../guide/"), []int{0}},
		{"site-absolute", 2, pathLink(document.NavPrev, "/guide/setup"), []int{1}},
		{"site-absolute folder", 2, pathLink(document.NavPrev, "/guide/"), []int{0}},
		{"missing file", 0, pathLink(document.NavNext, "./install.md"), nil},
		{"Docusaurus doc id", 1, docLink("guide/welcome"), []int{2}},
		{"Docusaurus doc id from its own folder", 1, docLink("welcome"), []int{2}},
		{"doc id is not a file name", 1, docLink("guide/intro-x"), nil},
	}
	for _, tt := range tests {
		if got := x.Resolve(tt.from, tt.link); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Resolve(%s, %q) = %v, want %v", tt.name, x.Paths[tt.from], tt.link.Target, got, tt.want)
		}
	}
	if i, ok := x.ResolvePath(0, "#only-a-fragment", false); ok {
		t.Errorf("ResolvePath of a bare fragment = %d, want none", i)
	}
}

func TestNear(t *testing.T) {
	x := nav.Build(site())
	tests := []struct {
		name string
		from int
		link document.NavLink
		want int // -1: none
		text string
	}{
		{"title typo", 3, next("Brdige opens"), 5, "Bridge opens"},
		{"two titles as near", 5, prev("Ferry return"), -1, ""},
		{"too far", 3, next("Bridges opened today"), -1, ""},
		{"four letters take one typo", 3, next("Setp"), 1, "Setup"},
		{"three letters take none", 3, next("Gid"), -1, ""},
		{"seven letters take one, not two", 3, next("Setuppp"), -1, ""},
		{"path typo", 0, pathLink(document.NavNext, "./setp.md#install"), 1, "./setup.md#install"},
		{"path typo, trailing slash", 0, pathLink(document.NavNext, "setp/"), 1, "setup/"},
		{"exact path is not near", 0, pathLink(document.NavNext, "./setup.md"), -1, ""},
		{"URL", 3, next("https://example.org/bridge"), -1, ""},
		{"doc id typo", 1, docLink("welcom"), 2, "welcome"},
	}
	for _, tt := range tests {
		i, text, ok := x.Near(tt.from, tt.link)
		if ok != (tt.want >= 0) || ok && (i != tt.want || text != tt.text) {
			t.Errorf("%s: Near(%q) = %d, %q, %v; want %d, %q", tt.name, tt.link.Target, i, text, ok, tt.want, tt.text)
		}
	}
}

func TestArticleAndLinks(t *testing.T) {
	sums := site()
	sums[3].Nav = []document.NavLink{next("Bridge opens"), prev("Tunnel closes"), next("Harbour News")}
	x := nav.Build(sums)
	if got := x.Article(3); got != `"Ferry returns"` {
		t.Errorf("Article(3) = %s", got)
	}
	if got := x.Article(8); got != "news/untitled.txt" {
		t.Errorf("Article of an untitled page = %s, want its path", got)
	}
	var targets []string
	for _, l := range x.Links(3, document.NavNext) {
		targets = append(targets, l.Target)
	}
	if fmt.Sprint(targets) != "[Bridge opens Harbour News]" {
		t.Errorf("Links(3, next) = %q", targets)
	}
	if got := x.Links(5, document.NavPrev); got != nil {
		t.Errorf("Links of a page without navigation = %v", got)
	}
	// Claims leave out the link that resolves to nothing.
	var claims []string
	for _, c := range x.Claims() {
		claims = append(claims, fmt.Sprintf("%d %s %d", c.From, c.Dir, c.To))
	}
	if fmt.Sprint(claims) != "[3 next 5 3 next 7]" {
		t.Errorf("Claims = %q", claims)
	}
}

func TestHelpers(t *testing.T) {
	for in, want := range map[string]string{
		"a/b/../c.md": "a/c.md", "./x.md": "x.md", "a//b/": "a/b", "": ".", "/abs/./p": "/abs/p", "新闻/../桥.txt": "桥.txt",
	} {
		if got := nav.Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"Bridge Opens!": "bridgeopens", "": "", "  ": "", "Ça va, 2025": "çava2025", "桥梁开通 🌉": "桥梁开通", "ÉTÉ": "été",
	} {
		if got := nav.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{
		"https://x.org": true, "ftp://x": true, "mailto:a@b": true, "//cdn.x/a": true, "/abs/path": false, "a.md": false, "": false,
	} {
		if got := nav.External(in); got != want {
			t.Errorf("External(%q) = %v, want %v", in, got, want)
		}
	}
	if nav.Opposite(document.NavNext) != document.NavPrev || nav.Opposite(document.NavPrev) != document.NavNext {
		t.Errorf("Opposite does not swap the directions")
	}
}

func TestExplicitNone(t *testing.T) {
	tests := []struct {
		meta map[string]any
		dir  document.NavDir
		want bool
	}{
		{nil, document.NavNext, false},
		{map[string]any{"next": false}, document.NavNext, true},
		{map[string]any{"next": false}, document.NavPrev, false},
		{map[string]any{"prev": nil}, document.NavPrev, true},
		{map[string]any{"previous": "false"}, document.NavPrev, true},
		{map[string]any{"pagination_prev": "null"}, document.NavPrev, true},
		{map[string]any{"pagination_next": ""}, document.NavNext, true},
		{map[string]any{"next": "./b.md"}, document.NavNext, false},
		{map[string]any{"next": true}, document.NavNext, false},
		{map[string]any{"next": map[string]any{"text": "B", "link": "/b"}}, document.NavNext, false},
	}
	for _, tt := range tests {
		if got := nav.ExplicitNone(&document.Summary{Meta: tt.meta}, tt.dir); got != tt.want {
			t.Errorf("ExplicitNone(%v, %s) = %v, want %v", tt.meta, tt.dir, got, tt.want)
		}
	}
}

var kindNames = map[nav.MismatchKind]string{nav.BackWrong: "back-wrong", nav.BackMissing: "back-missing", nav.Shared: "shared", nav.Odd: "odd"}

func TestMismatches(t *testing.T) {
	sums := []*document.Summary{
		// A chain whose last article points back past its neighbour.
		0: page("a.txt", "Alpha", nil, next("Beta")),
		1: page("b.txt", "Beta", nil, prev("Alpha"), next("Gamma")),
		2: page("c.txt", "Gamma", nil, prev("Alpha")),
		// Epsilon has navigation but no link back to Delta.
		3: page("d.txt", "Delta", nil, next("Epsilon")),
		4: page("e.txt", "Epsilon", nil, next("Zeta")),
		5: page("z.txt", "Zeta", nil, prev("Epsilon")),
		// Two articles claim Eta, which names a third.
		6: page("g1.txt", "Gee one", nil, next("Eta")),
		7: page("g2.txt", "Gee two", nil, next("Eta")),
		8: page("eta.txt", "Eta", nil, prev("Theta")),
		9: page("theta.txt", "Theta", nil),
		// No finding: Chi says it has no previous, Psi has no navigation,
		// Omega's back link is broken (nav-link-broken reports it).
		10: page("phi.txt", "Phi", map[string]any{}, next("Chi"), next("Psi"), next("Omega")),
		11: page("chi.txt", "Chi", map[string]any{"prev": false}, next("Psi")),
		12: page("psi.txt", "Psi", nil),
		13: page("omega.txt", "Omega", nil, prev("Nowhere")),
		// Lambda names Mu back, but Mu says nothing of its neighbours:
		// one link's word against another's, so no suggestion.
		14: page("k.txt", "Kappa", nil, next("Lambda")),
		15: page("l.txt", "Lambda", nil, prev("Mu")),
		16: page("m.txt", "Mu", nil),
	}
	x := nav.Build(sums)
	var got []string
	for _, m := range x.Mismatches(x.Claims()) {
		link := "-"
		if m.Link != nil {
			link = m.Link.Target
		}
		got = append(got, fmt.Sprintf("%s %s of %d at %d link %s suggest %d", kindNames[m.Kind], m.Dir, m.Target, m.At, link, m.Suggest))
	}
	want := []string{
		"odd previous of 0 at 2 link Alpha suggest 1",
		"back-wrong next of 2 at 2 link Alpha suggest 1",
		"back-missing next of 4 at 4 link - suggest 3",
		"shared next of 8 at 8 link Theta suggest -1",
		"back-wrong next of 15 at 15 link Mu suggest -1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Mismatches:\n got %q\nwant %q", got, want)
	}
	if m := x.Mismatches(nil); m != nil {
		t.Errorf("Mismatches(no claims) = %v", m)
	}
}

func TestTargetFor(t *testing.T) {
	x := nav.Build(site())
	tests := []struct {
		name     string
		from, to int
		like     document.NavLink
		want     string // "" when it cannot
	}{
		{"title", 3, 5, next("x"), "Bridge opens"},
		{"title shared by two", 5, 3, prev("x"), ""},
		{"untitled", 3, 8, next("x"), ""},
		{"relative, with extension", 1, 2, pathLink(document.NavNext, "./old.md"), "intro.md"},
		{"relative, without", 1, 2, pathLink(document.NavNext, "old#part"), "intro"},
		{"relative, another folder", 3, 1, pathLink(document.NavNext, "x.md"), "../docs/en/guide/setup.md"},
		{"site-absolute", 2, 1, pathLink(document.NavNext, "/guide/intro"), "/guide/setup"},
		{"site-absolute with extension", 2, 1, pathLink(document.NavNext, "/guide/intro.html"), "/guide/setup.html"},
		{"site-absolute index", 2, 0, pathLink(document.NavNext, "/guide/intro"), "/guide/"},
		{"site-absolute with no root", 2, 1, pathLink(document.NavNext, "/nowhere/x"), ""},
		{"doc id", 1, 2, docLink("x"), "welcome"},
	}
	for _, tt := range tests {
		got, ok := x.TargetFor(tt.from, tt.to, &tt.like)
		if ok != (tt.want != "") || ok && got != tt.want {
			t.Errorf("%s: TargetFor(%d → %d like %q) = %q, %v; want %q", tt.name, tt.from, tt.to, tt.like.Target, got, ok, tt.want)
		}
	}
}

// The link rules of one corpus run share one index; another run, over
// other summaries, gets its own.
func TestFor(t *testing.T) {
	run := &lint.Values{}
	sums := site()
	a := nav.For(&lint.CorpusPass{Summaries: sums, Values: run})
	if b := nav.For(&lint.CorpusPass{Summaries: sums, Values: run}); a != b {
		t.Errorf("For built a second index in one run")
	}
	other := site()
	if c := nav.For(&lint.CorpusPass{Summaries: other, Values: &lint.Values{}}); c == a || len(c.Sums) != len(other) || &c.Sums[0] != &other[0] {
		t.Errorf("For returned the index of another run's summaries")
	}
	if x := nav.For(&lint.CorpusPass{Values: &lint.Values{}}); x == nil || len(x.Paths) != 0 {
		t.Errorf("For with no summaries = %v, want an empty index", x)
	}
}

// TestMismatchesFor: for one wanted article, MismatchesFor returns, in
// order, a part of what Mismatches returns with every mismatch at that
// article, and every back-wrong mismatch that corrects the link of one of
// their claims (which navlinkmismatch needs to leave such a claim alone).
func TestMismatchesFor(t *testing.T) {
	sums := []*document.Summary{
		page("a.txt", "Alpha", nil, next("Beta")),
		page("b.txt", "Beta", nil, prev("Alpha"), next("Gamma")),
		page("c.txt", "Gamma", nil, prev("Alpha")),
		page("d.txt", "Delta", nil, next("Epsilon")),
		page("e.txt", "Epsilon", nil, next("Zeta"), prev("Gamma")),
		page("z.txt", "Zeta", nil, prev("Epsilon")),
		page("g1.txt", "Gee one", nil, next("Eta")),
		page("g2.txt", "Gee two", nil, next("Eta"), prev("Delta")),
		page("eta.txt", "Eta", nil, prev("Theta")),
		page("theta.txt", "Theta", nil, next("Gee two")),
		page("k.txt", "Kappa", nil, next("Lambda")),
		page("l.txt", "Lambda", nil, prev("Mu")),
		page("m.txt", "Mu", nil),
	}
	x := nav.Build(sums)
	claims := x.Claims()
	all := x.Mismatches(claims)
	key := func(m nav.Mismatch) string {
		return fmt.Sprintf("%v %v %d %d %p", m.Kind, m.Dir, m.Target, m.At, m.Link)
	}
	atSome := 0
	for i := range sums {
		got := x.MismatchesFor(claims, func(j int) bool { return j == i })
		k := 0
		for _, m := range got {
			for k < len(all) && key(all[k]) != key(m) {
				k++
			}
			if k == len(all) {
				t.Fatalf("article %d: %s is not among Mismatches, or out of order", i, key(m))
			}
		}
		has := map[string]bool{}
		for _, m := range got {
			has[key(m)] = true
		}
		for _, m := range all {
			if m.At == i {
				atSome++
				if !has[key(m)] {
					t.Errorf("article %d: %s missing", i, key(m))
				}
				for _, c := range m.Claims {
					for _, w := range all {
						if w.Kind == nav.BackWrong && w.Link == c.Link && !has[key(w)] {
							t.Errorf("article %d: the correction %s of a claim's link is missing", i, key(w))
						}
					}
				}
			}
		}
	}
	if atSome < 4 {
		t.Errorf("only %d mismatches in the site: it does not test what it should", atSome)
	}
}
