// Package linkbroken finds Markdown links and images whose relative path
// names no file, or whose #fragment names no heading in the target.
package linkbroken

import (
	"fmt"
	"net/url"
	"path"
	"strings"
	"unicode"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/nav"
)

// Rule is the link-broken rule.
var Rule = &lint.Rule{
	ID:       "link-broken",
	Category: lint.CategoryLinks,
	Severity: lint.SeverityError,
	Doc: lint.Doc{
		Title: "A Markdown link or image with a relative path to a file that does not exist, or to a missing #fragment",
		Why: "A relative link that points at nothing gives readers a 404 page and a missing picture. A path is " +
			"resolved from the article's folder against the articles of the corpus (a .md, .html or no extension, " +
			"and a folder's index.md, as site generators accept them) and against the other files the command " +
			"found under the folders it walked (images, PDFs); a file outside those folders is not judged. A " +
			"#fragment must name a heading of the target (or of the article itself for #fragment alone): its " +
			"slug as GitHub and Hugo make it, or as VitePress makes it, an explicit {#id}, or an id/name " +
			"attribute in raw HTML. URLs, site-absolute paths (/img/a.png) and e-mail links are not checked. " +
			"Only what can be resolved with confidence is reported. The site generator (Hugo, Zola, VitePress, " +
			"Docusaurus, Starlight, Jekyll) is read from its config file or its pages, and its conventions apply: " +
			"links its render hooks rewrite ([term](g), @/ and @site/ links) are not checked; a link written as a " +
			"URL (no extension) also resolves from the page's own URL folder, and is not reported when pages set " +
			"their own slugs; a missing #fragment is not reported in a page built partly from includes or " +
			"shortcodes. A link to a file of a kind (.png, .pdf) of which the walked folders hold none is not " +
			"judged: the assets live elsewhere. The ignore option adds destination patterns to leave alone.",
		Wrong: "![Map of the site](images/site-map.png)   (no such file)\n[the schedule](#schedul)",
		Right: "![Map of the site](images/site_map.png)\n[the schedule](#schedule)",
	},
	Options: []lint.OptionDecl{ignore},
	Corpus:  lint.Corpus(check),
}

var ignore = lint.StringsOption{
	Name: "ignore", Default: []string{},
	Doc: "glob patterns of link destinations that are not checked, such as a generator's own shorthand (\"glossary/*\", \"*.pdf\"); * does not cross a slash, ** does",
}

func check(pass *lint.CorpusPass) {
	x := nav.For(pass)
	sites := nav.DetectSites(pass.Summaries, pass.KnownFiles)
	c := &judgeCtx{x: x, known: pass.KnownFiles, dirs: knownDirs(pass.KnownFiles), exts: knownExts(pass.KnownFiles, sites),
		sites: sites}
	for i, s := range x.Sums {
		if !pass.Reports(i) {
			continue // a target, not judged itself
		}
		skip := ignore.For(pass, s.Path)
		for k := range s.Links {
			l := &s.Links[k]
			if ignored(skip, strings.TrimSpace(l.Dest)) {
				continue
			}
			if msg := c.judge(i, l.Dest); msg != "" {
				pass.Report(s.Path, lint.Diagnostic{Start: l.Span.Start, End: l.Span.End, Message: msg})
			}
		}
	}
}

// knownDirs lists the folders that hold known files, for links to a folder.
func knownDirs(k *lint.KnownFiles) map[string]bool {
	if k == nil {
		return nil
	}
	dirs := map[string]bool{}
	for p := range k.Files {
		for d := path.Dir(p); !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
			if d == "." || d == "/" {
				break
			}
		}
	}
	return dirs
}

// ignored reports a destination the configuration leaves alone.
func ignored(globs []string, dest string) bool {
	for _, g := range globs {
		if config.MatchGlob(g, dest) {
			return true
		}
	}
	return false
}

// knownExts lists the lower-case extensions of the known files, keyed
// "site-folder/.ext" when the project holds several sites (one site's
// assets say nothing of another's), else "/.ext".
func knownExts(k *lint.KnownFiles, sites nav.Sites) map[string]bool {
	exts := map[string]bool{}
	if k != nil {
		for p := range k.Files {
			exts[extKey(p, sites)] = true
		}
	}
	return exts
}

func extKey(p string, sites nav.Sites) string {
	top := ""
	if sites.Multiple() {
		top, _ = sites.Folder(p)
	}
	return top + "/" + strings.ToLower(path.Ext(p))
}

// folderFiles counts the known files directly in folder dir.
func (c *judgeCtx) folderFiles(dir string) int {
	if c.known == nil {
		return 0
	}
	n := 0
	for p := range c.known.Files {
		if path.Dir(p) == dir {
			n++
		}
	}
	return n
}

type judgeCtx struct {
	x     *nav.Index
	known *lint.KnownFiles
	dirs  map[string]bool
	exts  map[string]bool
	sites nav.Sites
}

// judge returns a message when the link is broken, "" otherwise.
func (c *judgeCtx) judge(from int, dest string) string {
	x, known, dirs := c.x, c.known, c.dirs
	site := c.sites.For(x.Paths[from])
	dest = strings.TrimSpace(dest)
	if dest == "" || strings.HasPrefix(dest, "/") || nav.External(dest) || hasScheme(dest) || strings.ContainsAny(dest, "{}<>") ||
		site.Rewritten(dest) {
		return ""
	}
	p, frag, _ := strings.Cut(dest, "#")
	if k := strings.IndexByte(p, '?'); k >= 0 {
		p = p[:k]
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if u, err := url.PathUnescape(frag); err == nil {
		frag = u
	}
	target := from
	if p != "" {
		full := path.Join(path.Dir(x.Paths[from]), p)
		if unwalked(full) {
			return ""
		}
		j, ok := x.ResolvePath(from, p, false)
		if !ok && nav.URLLike(p) {
			// guide/intro.md served at /guide/intro/: ../setup/ is guide/setup.
			if dir, deeper := site.PageURLFolder(x.Paths[from]); deeper {
				full = path.Join(dir, p)
				j, ok = x.ResolvePath(from, path.Join(path.Base(dir), p), false)
			}
		}
		if !ok && nav.URLLike(p) && site.BundleRelative(x.Paths[from]) {
			// Hugo resolves a bundle's links from its section: lookandfeel/
			// in docs/content/shortcodes/index.md is docs/content/lookandfeel.
			if k, found := x.ResolvePath(from, path.Join("..", p), false); found {
				j, ok = k, true
			}
		}
		ext := strings.ToLower(path.Ext(full))
		switch {
		case ok:
			target = j
		case known.Has(full) || dirs[full]:
			return ""
		case nav.URLLike(p) && site.Slugs:
			return "" // a page may have taken this URL with a slug
		case site.MountPoint(x.Paths[from], full, c.folderFiles(path.Dir(full))):
			return "" // a Hugo module mounts these files here at build time
		case ext != "" && ext != strings.ToLower(path.Ext(x.Paths[from])) && !c.exts[extKey(full, c.sites)]:
			// No file of this kind was walked: the assets live elsewhere
			// (a page bundle's report.html or notes.txt kept out of the
			// content folder). A page of the linking page's own kind is
			// one the walk would have found.
			return ""
		case known.Covers(full):
			return fmt.Sprintf("link target %q does not exist; correct the path or add the file", p)
		default:
			return ""
		}
	}
	if frag == "" {
		return ""
	}
	t := x.Sums[target]
	if t.Format != document.FormatMarkdown || t.Head.Includes {
		return ""
	}
	f := strings.ToLower(frag)
	for _, a := range t.Anchors {
		if a == f || site.SpellsSymbols() && strings.HasPrefix(f, strings.TrimRightFunc(a, notWordRune)+"-") {
			return ""
		}
	}
	if target == from {
		return fmt.Sprintf("no heading in this article has the anchor #%s; link to an existing heading", frag)
	}
	return fmt.Sprintf("no heading in %s has the anchor #%s; link to an existing heading", x.Paths[target], frag)
}

// hasScheme reports a URL scheme (mailto:, tel:, data:) before any slash.
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':':
			return i > 0
		case '/', '.', '#', '?':
			return false
		}
	}
	return false
}

// unwalked reports a path through a folder the command does not walk
// (hidden folders, node_modules, vendor): its files are not known.
func unwalked(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg == "node_modules" || seg == "vendor" || len(seg) > 1 && seg[0] == '.' && seg != ".." {
			return true
		}
	}
	return false
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
