package nav

import (
	"path"
	"strings"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// A Generator is a static site generator whose link conventions copydesk
// follows.
type Generator uint8

// Generators copydesk knows.
const (
	GenUnknown Generator = iota
	GenHugo
	GenZola
	GenVitePress
	GenDocusaurus
	GenStarlight
	GenJekyll
)

var genNames = [...]string{"unknown", "Hugo", "Zola", "VitePress", "Docusaurus", "Starlight", "Jekyll"}

func (g Generator) String() string { return genNames[g] }

// A Site gathers, in one place, the conventions of a site generator that
// decide whether a relative link can be resolved with confidence:
//
//   - Hugo and Zola rewrite links in render hooks and shortcodes: a bare
//     destination of one segment with no extension ([term](g), a glossary
//     link) names no file, and Zola's @/ links start at the content root.
//   - Docusaurus rewrites @site/ links, and its pages and Starlight's and
//     Hugo's take their URLs from slug, permalink or url front matter, so a
//     URL-like destination (no extension) that names no file may still name
//     a page when the site sets slugs.
//   - Starlight, Hugo and Jekyll serve a page at a folder of its own
//     (guide/intro.md at /guide/intro/), so a URL-like relative link resolves
//     from there as well as from the file's folder.
//   - Hugo modules mount files into a folder that holds only its section
//     page; Hugo resolves a page bundle's links from its section too, and Zola
//     spells symbols and emoji in anchors out in words.
//   - Every generator builds parts of a page from includes and shortcodes
//     (Hugo {{< >}}, Jekyll {% include %}, VitePress <!--@include: -->, MDX
//     import): a heading they bring is not in the page's source.
//
// The generator is read from the site's configuration file among the files
// walked (hugo.toml, config.toml, .vitepress/config.*, docusaurus.config.*,
// astro.config.*, _config.yml), else from the pages themselves (_index.md
// section pages, +++ front matter, ::: containers, sidebar_label keys);
// a project holding sites of several generators side by side has one Site
// for each (see Sites).
type Site struct {
	Gen Generator
	// Slugs is set when some page sets its own URL (slug, permalink, url).
	Slugs bool
}

// DetectSite reads the generator and its conventions from the config files
// among known and from the pages.
func DetectSite(sums []*document.Summary, known *lint.KnownFiles) Site {
	pages := make([]page, len(sums))
	for i, sum := range sums {
		pages[i] = pageOf(sum)
	}
	return detect(pages, known)
}

// A page is what DetectSite reads of one article.
type page struct {
	gen  Generator
	slug bool // the front matter sets the page's own URL
}

func pageOf(sum *document.Summary) page {
	p := page{gen: pageGenerator(sum)}
	for _, k := range []string{"slug", "permalink", "url"} {
		if v, _ := sum.Meta[k].(string); v != "" {
			p.slug = true
		}
	}
	return p
}

// detect is DetectSite over what it reads of the articles.
func detect(pages []page, known *lint.KnownFiles) Site {
	var s Site
	if known != nil {
		for p := range known.Files {
			if g := configGenerator(p); g != GenUnknown && (s.Gen == GenUnknown || g < s.Gen) {
				s.Gen = g // the lowest wins, so the answer does not depend on map order
			}
		}
	}
	votes := [len(genNames)]int{}
	for _, p := range pages {
		s.Slugs = s.Slugs || p.slug
		votes[p.gen]++
	}
	if s.Gen == GenUnknown {
		best := 0
		for g := GenHugo; int(g) < len(votes); g++ {
			if votes[g] > best {
				s.Gen, best = g, votes[g]
			}
		}
	}
	return s
}

// configGenerator names the generator a configuration file belongs to.
func configGenerator(p string) Generator {
	base := path.Base(p)
	stem := strings.TrimSuffix(base, path.Ext(base))
	switch {
	case stem == "hugo" && (path.Ext(base) == ".toml" || path.Ext(base) == ".yaml" || path.Ext(base) == ".json"):
		return GenHugo
	case strings.Contains(p, ".vitepress/") && stem == "config":
		return GenVitePress
	case stem == "docusaurus.config":
		return GenDocusaurus
	case stem == "astro.config":
		return GenStarlight
	case base == "_config.yml" || base == "_config.yaml":
		return GenJekyll
	case base == "config.toml" || base == "zola.toml":
		if base == "zola.toml" {
			return GenZola
		}
		return GenHugo // Hugo's older name; Zola's config.toml also uses +++ pages
	}
	return GenUnknown
}

// pageGenerator guesses the generator from one page's own conventions.
func pageGenerator(sum *document.Summary) Generator {
	base := path.Base(sum.Path)
	switch {
	case base == "_index.md":
		return GenHugo
	case strings.Contains("/"+sum.Path, "/_posts/"):
		return GenJekyll
	case sum.Head.PlusFrontMatter:
		if _, ok := sum.Meta["path"]; ok {
			return GenZola
		}
		return GenHugo
	}
	for _, k := range []string{"sidebar_label", "sidebar_position", "slug"} {
		if _, ok := sum.Meta[k]; ok {
			return GenDocusaurus
		}
	}
	if sum.Head.Containers {
		return GenVitePress
	}
	return GenUnknown
}

// Rewritten reports a destination the generator rewrites before it is a
// path, which copydesk cannot follow with confidence.
func (s Site) Rewritten(dest string) bool {
	switch {
	case strings.HasPrefix(dest, "@/"), strings.HasPrefix(dest, "@site/"):
		return true
	case s.Gen == GenHugo || s.Gen == GenZola:
		// [term](g): a render hook's shorthand, not a file.
		return !strings.ContainsAny(dest, "/.#?")
	}
	return false
}

// URLLike reports a destination written as a page's URL rather than its
// file: no extension in its last segment.
func URLLike(p string) bool {
	return path.Ext(strings.TrimSuffix(p, "/")) == ""
}

// PageURLFolder returns the folder a page's URL-like relative links resolve
// from when the generator serves the page at a folder of its own.
func (s Site) PageURLFolder(file string) (string, bool) {
	switch s.Gen {
	case GenHugo, GenStarlight, GenJekyll, GenDocusaurus:
	default:
		return "", false
	}
	base := path.Base(file)
	stem := strings.TrimSuffix(base, path.Ext(base))
	if stem == "index" || stem == "_index" || stem == "README" {
		return path.Dir(file), false
	}
	return path.Join(path.Dir(file), stem), true
}

// BundleRelative reports a Hugo page bundle (index.md, _index.md) whose
// links Hugo's link render hook also resolves from the bundle's section,
// the folder above it.
func (s Site) BundleRelative(file string) bool {
	if s.Gen != GenHugo {
		return false
	}
	b := path.Base(file)
	return b == "index.md" || b == "_index.md"
}

// SpellsSymbols reports a generator whose heading anchors spell symbols and
// emoji out in words (Zola transliterates: "Builds 🛠️" gives
// #builds-tools), which copydesk's slugs leave out: an anchor that starts
// with a heading's slug and goes on is taken as that heading's.
func (s Site) SpellsSymbols() bool { return s.Gen == GenZola }

// MountPoint reports a link from a Hugo section page to a file in its own
// folder when that folder holds nothing but the section page: Hugo modules
// mount files (a repository's README.md, CHANGELOG.md) into such folders at
// build time, so they are not missing.
func (s Site) MountPoint(from, target string, filesInFolder int) bool {
	if s.Gen != GenHugo {
		return false
	}
	b := path.Base(from)
	return (b == "_index.md" || b == "index.md") && path.Dir(target) == path.Dir(from) && filesInFolder <= 1
}

// Sites holds the conventions of a project that may hold several sites,
// one in each folder directly under a walked folder, each with its own
// generator: a repository's docs/ in Hugo beside its blog/ in Zola, or
// sites copied side by side. One generator read from all their pages
// would lend one site's conventions to the others.
type Sites struct {
	whole   Site
	roots   []string
	folders map[string]Site // by site folder, only when they disagree
}

// DetectSites reads the generator of the whole project and, when the
// folders directly under the walked folders show different generators (by
// a config file inside them or, nearly unanimously, by their pages), of
// each such folder.
func DetectSites(sums []*document.Summary, known *lint.KnownFiles) Sites {
	s := Sites{whole: DetectSite(sums, known)}
	if known == nil {
		return s
	}
	s.roots = known.Roots
	bySums := map[string][]*document.Summary{}
	byKnown := map[string]*lint.KnownFiles{}
	for _, sum := range sums {
		if top, ok := s.Folder(sum.Path); ok {
			bySums[top] = append(bySums[top], sum)
		}
	}
	for p := range known.Files {
		if top, ok := s.Folder(p); ok && configGenerator(p) != GenUnknown {
			if byKnown[top] == nil {
				byKnown[top] = &lint.KnownFiles{Files: map[string]bool{}}
			}
			byKnown[top].Files[p] = true
		}
	}
	folders := map[string]Site{}
	gens := map[Generator]bool{}
	for top, ss := range bySums {
		if byKnown[top] == nil && !unanimous(ss) {
			continue // a news archive's year folders vary in their pages' habits; they are one site
		}
		f := DetectSite(ss, byKnown[top])
		if f.Gen != GenUnknown {
			folders[top] = f
			gens[f.Gen] = true
		}
	}
	if len(gens) > 1 {
		s.folders = folders
	}
	return s
}

// unanimous reports whether a folder's pages show one generator clearly
// enough to stand for a site of its own without a config file: five pages
// or more that show any, and nine in ten of those the same. Page habits
// (a slug key, TOML front matter) are weak signs one by one.
func unanimous(ss []*document.Summary) bool {
	var votes [len(genNames)]int
	n := 0
	for _, sum := range ss {
		if g := pageGenerator(sum); g != GenUnknown {
			votes[g]++
			n++
		}
	}
	best := 0
	for _, v := range votes {
		best = max(best, v)
	}
	return n >= 5 && best*10 >= n*9
}

// Multiple reports whether the project holds sites of different
// generators side by side.
func (s Sites) Multiple() bool { return s.folders != nil }

// For returns the conventions that hold for the file at p.
func (s Sites) For(p string) Site {
	if s.folders != nil {
		if top, ok := s.Folder(p); ok {
			if f, ok := s.folders[top]; ok {
				return f
			}
		}
	}
	return s.whole
}

// Folder returns the folder directly under a walked folder that holds p,
// the site p belongs to when the project holds several.
func (s Sites) Folder(p string) (string, bool) {
	for _, r := range s.roots {
		rest := ""
		switch {
		case r == ".":
			if path.IsAbs(p) || p == ".." || strings.HasPrefix(p, "../") {
				continue
			}
			rest = p
		case strings.HasPrefix(p, r+"/"):
			rest = p[len(r)+1:]
		case r == "/" && path.IsAbs(p):
			rest = p[1:]
		default:
			continue
		}
		if top, _, ok := strings.Cut(rest, "/"); ok {
			return path.Join(r, top), true
		}
		return "", false
	}
	return "", false
}
