// Package linkbroken finds Markdown links and images whose relative path
// names no file, or whose #fragment names no heading in the target.
package linkbroken

import (
	"fmt"
	"net/url"
	"path"
	"strings"

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
			"attribute in raw HTML. URLs, site-absolute paths (/img/a.png) and e-mail links are not checked.",
		Wrong: "![Map of the site](images/site-map.png)   (no such file)\n[the schedule](#schedul)",
		Right: "![Map of the site](images/site_map.png)\n[the schedule](#schedule)",
	},
	Check: check,
}

func check(pass *lint.CorpusPass) {
	x := nav.For(pass.Summaries)
	known := pass.KnownFiles
	dirs := knownDirs(known)
	for i, s := range x.Sums {
		for k := range s.Links {
			l := &s.Links[k]
			if msg := judge(x, i, l.Dest, known, dirs); msg != "" {
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

// judge returns a message when the link is broken, "" otherwise.
func judge(x *nav.Index, from int, dest string, known *lint.KnownFiles, dirs map[string]bool) string {
	dest = strings.TrimSpace(dest)
	if dest == "" || strings.HasPrefix(dest, "/") || nav.External(dest) || hasScheme(dest) || strings.ContainsAny(dest, "{}<>") {
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
		switch {
		case ok:
			target = j
		case known.Has(full) || dirs[full]:
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
	if t.Format != lint.FormatMarkdown {
		return ""
	}
	f := strings.ToLower(frag)
	for _, a := range t.Anchors {
		if a == f {
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
