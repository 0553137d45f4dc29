package nav_test

import (
	"testing"

	"github.com/copydesk/copydesk/document"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/nav"
)

func known(files ...string) *lint.KnownFiles {
	k := &lint.KnownFiles{Roots: []string{"."}, Files: map[string]bool{}}
	for _, f := range files {
		k.Files[f] = true
	}
	return k
}

func md(p, src string, meta map[string]any) *document.Summary {
	return withHead(&document.Summary{Path: p, Format: document.FormatMarkdown, Src: []byte(src), Meta: meta})
}

func TestDetectSite(t *testing.T) {
	plain := md("guide/a.md", "---\ntitle: A\n---\n\nText.\n", map[string]any{"title": "A"})
	tests := []struct {
		name  string
		sums  []*document.Summary
		known *lint.KnownFiles
		want  nav.Site
	}{
		{"nothing to go by", []*document.Summary{plain}, nil, nav.Site{}},
		{"no pages", nil, nil, nav.Site{}},
		{"hugo.toml", []*document.Summary{plain}, known("site/hugo.toml", "README.md"), nav.Site{Gen: nav.GenHugo}},
		{"zola.toml", nil, known("zola.toml"), nav.Site{Gen: nav.GenZola}},
		{"config.toml is Hugo's older name", nil, known("config.toml"), nav.Site{Gen: nav.GenHugo}},
		{"VitePress", nil, known("docs/.vitepress/config.mts"), nav.Site{Gen: nav.GenVitePress}},
		{"Docusaurus", nil, known("docusaurus.config.js"), nav.Site{Gen: nav.GenDocusaurus}},
		{"Starlight", nil, known("astro.config.mjs"), nav.Site{Gen: nav.GenStarlight}},
		{"Jekyll", nil, known("_config.yml"), nav.Site{Gen: nav.GenJekyll}},
		{"two configs: the lowest wins whatever the map order", nil, known("_config.yml", "docusaurus.config.ts", "hugo.yaml"), nav.Site{Gen: nav.GenHugo}},
		{"hugo.md is not a config", nil, known("hugo.md"), nav.Site{}},
		{"section page", []*document.Summary{md("blog/_index.md", "---\ntitle: Blog\n---\n", nil)}, nil, nav.Site{Gen: nav.GenHugo}},
		{"Jekyll posts", []*document.Summary{md("_posts/2025-03-14-ferry.md", "---\n---\n", nil)}, nil, nav.Site{Gen: nav.GenJekyll}},
		{"TOML front matter", []*document.Summary{md("a.md", "+++\ntitle = 'A'\n+++\n", nil)}, nil, nav.Site{Gen: nav.GenHugo}},
		{"TOML with path: Zola", []*document.Summary{md("a.md", "+++\npath = 'a'\n+++\n", map[string]any{"path": "a"})}, nil, nav.Site{Gen: nav.GenZola}},
		{"sidebar_label", []*document.Summary{md("a.md", "---\n---\n", map[string]any{"sidebar_label": "A"})}, nil, nav.Site{Gen: nav.GenDocusaurus}},
		{"slug sets Slugs", []*document.Summary{md("a.md", "---\n---\n", map[string]any{"slug": "/a"})}, nil, nav.Site{Gen: nav.GenDocusaurus, Slugs: true}},
		{"permalink sets Slugs", []*document.Summary{md("a.md", "---\n---\n", map[string]any{"permalink": "/a/"})}, known("_config.yml"), nav.Site{Gen: nav.GenJekyll, Slugs: true}},
		{"containers", []*document.Summary{md("a.md", "# A\n\n::: tip\nText.\n:::\n", nil)}, nil, nav.Site{Gen: nav.GenVitePress}},
		{"the pages vote", []*document.Summary{
			md("a.md", "x\n::: tip\n", nil), md("b.md", "x\n::: tip\n", nil), md("c/_index.md", "", nil),
		}, nil, nav.Site{Gen: nav.GenVitePress}},
	}
	for _, tt := range tests {
		if got := nav.DetectSite(tt.sums, tt.known); got != tt.want {
			t.Errorf("%s: DetectSite = %v (slugs %v), want %v (slugs %v)", tt.name, got.Gen, got.Slugs, tt.want.Gen, tt.want.Slugs)
		}
	}
}

func TestGeneratorString(t *testing.T) {
	want := map[nav.Generator]string{
		nav.GenUnknown: "unknown", nav.GenHugo: "Hugo", nav.GenZola: "Zola", nav.GenVitePress: "VitePress",
		nav.GenDocusaurus: "Docusaurus", nav.GenStarlight: "Starlight", nav.GenJekyll: "Jekyll",
	}
	for g, w := range want {
		if g.String() != w {
			t.Errorf("Generator(%d).String() = %q, want %q", g, g.String(), w)
		}
	}
}

func TestSiteConventions(t *testing.T) {
	hugo, zola, docu, vite := nav.Site{Gen: nav.GenHugo}, nav.Site{Gen: nav.GenZola}, nav.Site{Gen: nav.GenDocusaurus}, nav.Site{Gen: nav.GenVitePress}
	rewritten := []struct {
		s    nav.Site
		dest string
		want bool
	}{
		{vite, "@/blog/a.md", true},
		{vite, "@site/docs/a.md", true},
		{hugo, "glossary", true}, // a render hook's shorthand
		{zola, "term", true},
		{hugo, "guide/a", false},
		{hugo, "a.md", false},
		{hugo, "#anchor", false},
		{docu, "glossary", false},
		{vite, "术语", false},
	}
	for _, tt := range rewritten {
		if got := tt.s.Rewritten(tt.dest); got != tt.want {
			t.Errorf("%v.Rewritten(%q) = %v, want %v", tt.s.Gen, tt.dest, got, tt.want)
		}
	}

	for p, want := range map[string]bool{"guide/intro": true, "guide/intro/": true, "guide/intro.md": false, "a.b/c": true, "": true, "img.png": false} {
		if got := nav.URLLike(p); got != want {
			t.Errorf("URLLike(%q) = %v, want %v", p, got, want)
		}
	}

	folders := []struct {
		s      nav.Site
		file   string
		folder string
		ok     bool
	}{
		{hugo, "content/guide/intro.md", "content/guide/intro", true},
		{nav.Site{Gen: nav.GenStarlight}, "src/content/docs/a.mdx", "src/content/docs/a", true},
		{docu, "docs/README.md", "docs", false},
		{hugo, "content/guide/_index.md", "content/guide", false},
		{hugo, "content/guide/index.md", "content/guide", false},
		{vite, "guide/intro.md", "", false},
		{zola, "guide/intro.md", "", false},
	}
	for _, tt := range folders {
		folder, ok := tt.s.PageURLFolder(tt.file)
		if folder != tt.folder || ok != tt.ok {
			t.Errorf("%v.PageURLFolder(%q) = %q, %v; want %q, %v", tt.s.Gen, tt.file, folder, ok, tt.folder, tt.ok)
		}
	}

	for _, tt := range []struct {
		s    nav.Site
		file string
		want bool
	}{{hugo, "post/index.md", true}, {hugo, "post/_index.md", true}, {hugo, "post/a.md", false}, {zola, "post/index.md", false}} {
		if got := tt.s.BundleRelative(tt.file); got != tt.want {
			t.Errorf("%v.BundleRelative(%q) = %v, want %v", tt.s.Gen, tt.file, got, tt.want)
		}
	}

	if !zola.SpellsSymbols() || hugo.SpellsSymbols() {
		t.Errorf("SpellsSymbols: only Zola spells symbols out")
	}

	mounts := []struct {
		s            nav.Site
		from, target string
		files        int
		want         bool
	}{
		{hugo, "docs/_index.md", "docs/README.md", 1, true},
		{hugo, "docs/index.md", "docs/CHANGELOG.md", 0, true},
		{hugo, "docs/_index.md", "docs/README.md", 2, false}, // the folder holds more than the section page
		{hugo, "docs/_index.md", "other/README.md", 1, false},
		{hugo, "docs/a.md", "docs/README.md", 1, false},
		{docu, "docs/_index.md", "docs/README.md", 1, false},
	}
	for _, tt := range mounts {
		if got := tt.s.MountPoint(tt.from, tt.target, tt.files); got != tt.want {
			t.Errorf("%v.MountPoint(%q, %q, %d) = %v, want %v", tt.s.Gen, tt.from, tt.target, tt.files, got, tt.want)
		}
	}
}

// TestDetectSites: folders directly under the walked folder that show
// different generators, by a config file or nearly unanimously by their
// pages, keep their own; a project of one kind is one site, and folders
// whose pages vary in their habits are not sites of their own.
func TestDetectSites(t *testing.T) {
	hugo := md("handbook/content/_index.md", "---\ntitle: Handbook\n---\n", nil)
	var journal []*document.Summary
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		journal = append(journal, md("journal/content/"+name+".md", "+++\npath = '"+name+"'\n+++\n", map[string]any{"path": name, "slug": name}))
	}
	plain := md("notes/c.md", "# C\n", nil)

	sums := append([]*document.Summary{hugo, plain}, journal...)
	s := nav.DetectSites(sums, known("handbook/hugo.toml", "handbook/content/_index.md"))
	if !s.Multiple() {
		t.Fatal("a Hugo folder (config) and a Zola folder (five pages): want several sites")
	}
	for _, c := range []struct {
		path  string
		gen   nav.Generator
		slugs bool
	}{
		{"handbook/content/x.md", nav.GenHugo, false},
		{"journal/content/x.md", nav.GenZola, true},
		{"notes/x.md", nav.GenHugo, true}, // no sign of its own: the project's (the config wins)
		{"top.md", nav.GenHugo, true},
	} {
		if got := s.For(c.path); got.Gen != c.gen || got.Slugs != c.slugs {
			t.Errorf("For(%q) = %v slugs %v, want %v slugs %v", c.path, got.Gen, got.Slugs, c.gen, c.slugs)
		}
	}

	if s := nav.DetectSites(sums, known()); s.Multiple() || s.For("handbook/x.md").Gen != nav.GenZola {
		t.Error("one section page without a config is no site of its own: want one site, the project's generator")
	}

	one := nav.DetectSites([]*document.Summary{hugo, md("blog/_index.md", "---\n---\n", nil), plain}, known())
	if one.Multiple() || one.For("blog/x.md").Gen != nav.GenHugo || one.For("notes/x.md").Gen != nav.GenHugo {
		t.Errorf("one Hugo site in several folders: want one site, got %+v", one)
	}

	// Year folders of one archive: a slug here, TOML front matter there.
	var years []*document.Summary
	for i, y := range []string{"2019", "2019", "2019", "2019", "2019", "2020", "2020", "2020", "2020", "2020"} {
		if i%3 == 0 {
			years = append(years, md(y+"/p.md", "+++\ntitle = 'P'\n+++\n", nil))
		} else {
			years = append(years, md(y+"/q.md", "---\n---\n", map[string]any{"slug": "q"}))
		}
	}
	if s := nav.DetectSites(years, known()); s.Multiple() {
		t.Error("year folders with mixed page habits: want one site")
	}

	sub := nav.Sites{}
	if _, ok := sub.Folder("a/b.md"); ok {
		t.Error("no walked folders: want no site folder")
	}
	k := &lint.KnownFiles{Roots: []string{"corpus"}, Files: map[string]bool{}}
	if f, ok := nav.DetectSites(nil, k).Folder("corpus/site-a/docs/x.md"); !ok || f != "corpus/site-a" {
		t.Errorf("Folder under the walked folder corpus: got %q %v, want corpus/site-a", f, ok)
	}
}
