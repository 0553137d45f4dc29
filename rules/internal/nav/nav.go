// Package nav resolves previous/next links and relative Markdown links
// against every article of a corpus, following the site generators' rules.
package nav

import (
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// An Index finds articles by path, by VitePress link, by Docusaurus doc id
// and by title. Paths are cleaned and slash-separated.
//
// Where the site root lies for a site-absolute link (/en/guide/intro): the
// nearest folder above the linking article under which the link names an
// article. A VitePress site copied from docs/en/... into any folder then
// resolves without configuration, and so does a generated archive linted
// from its own root.
type Index struct {
	Sums  []*document.Summary
	Paths []string // Sums[i]'s path, cleaned and slash-separated
	// byPath holds each article's path with and without its extension;
	// byFolder a folder's index.md (or README.md, _index.md).
	byPath, byFolder map[string]int
	// byDocID holds Docusaurus ids: the folder plus the front matter id,
	// or the file name without its extension.
	byDocID map[string]int
	byTitle map[string][]int
	byFold  map[string][]int
	// byLine holds, for plain-text articles, the first lines of the text:
	// a title the parser did not take as the title (an export without the
	// blank line after the section label) still resolves.
	byLine    map[string][]int
	folds     []foldEntry // built on the first Near
	foldsOnce sync.Once

	// claims and pages are built on first use; where the index is the
	// last run's over the same archive (see memo), those of the articles
	// not reported are that run's, in before.
	claims     []Claim
	claimsOnce sync.Once
	pages      []page
	pagesOnce  sync.Once
	before     *lastRun
	reported   func(int) bool
}

// lastRun is what the last run over the same archive worked out of its
// articles.
type lastRun struct {
	claims []Claim
	pages  []page
}

// The four links rules run side by side over the same summaries: the
// index is built once a corpus run, and the run keeps it.
var archive = lint.NewRunValue("index of the articles", forRun)

// kept is the last run's index, which a language server's next run over
// the same archive uses again when only the page being edited changed and
// not in a way the index sees.
var kept = lint.NewKeptValue("index of the articles of the last run", func() *memo { return new(memo) })

// For returns the index of a corpus pass's summaries, built once per run.
func For(pass *lint.CorpusPass) *Index { return archive.Get(pass) }

type foldEntry struct {
	fold  string
	runes int
	ids   []int
}

// forRun is the index for a corpus run: built, or the last run's again.
func forRun(pass *lint.CorpusPass) *Index {
	if pass.Reported == nil {
		return Build(pass.Summaries)
	}
	return kept.Get(pass).index(pass)
}

// A memo keeps the last run's index between the runs of a driver that
// keeps memos (lint.KeptValue).
type memo struct {
	mu       sync.Mutex
	x        *Index
	reported []bool
}

// index returns the index of the pass's summaries: the last run's again,
// with this run's summaries, when it comes out the same: the articles not
// reported are the same summaries, and the reported ones agree in all the
// index reads of them (path, title, format, doc id, first lines).
func (m *memo) index(pass *lint.CorpusPass) *Index {
	sums := pass.Summaries
	reported := make([]bool, len(sums))
	for i := range sums {
		reported[i] = pass.Reports(i)
	}
	m.mu.Lock()
	prev, was := m.x, m.reported
	m.mu.Unlock()
	same := prev != nil && len(prev.Sums) == len(sums) && slices.Equal(was, reported)
	for i := 0; same && i < len(sums); i++ {
		if reported[i] {
			same = indexedAlike(prev.Sums[i], sums[i])
		} else {
			same = prev.Sums[i] == sums[i]
		}
	}
	var x *Index
	if same {
		x = &Index{Sums: sums, Paths: prev.Paths, byPath: prev.byPath, byFolder: prev.byFolder, byDocID: prev.byDocID,
			byTitle: prev.byTitle, byFold: prev.byFold, byLine: prev.byLine, reported: pass.Reports,
			before: &lastRun{claims: prev.Claims(), pages: prev.sitePages()}}
	} else {
		x = Build(sums)
	}
	m.mu.Lock()
	m.x, m.reported = x, reported
	m.mu.Unlock()
	return x
}

// indexedAlike: Build indexes the two summaries alike.
func indexedAlike(a, b *document.Summary) bool {
	// Build reads a string id only; another value (a list) must not be
	// compared, which would panic.
	idA, _ := a.Meta["id"].(string)
	idB, _ := b.Meta["id"].(string)
	if a.Path != b.Path || a.Title != b.Title || a.Format != b.Format || idA != idB {
		return false
	}
	return a.Format != document.FormatText || slices.Equal(a.Head.FirstLines, b.Head.FirstLines)
}

// Build indexes the summaries.
func Build(sums []*document.Summary) *Index {
	x := &Index{
		Sums: sums, Paths: make([]string, len(sums)),
		byPath: make(map[string]int, 2*len(sums)), byFolder: map[string]int{}, byDocID: make(map[string]int, len(sums)),
		byTitle: make(map[string][]int, len(sums)), byFold: make(map[string][]int, len(sums)), byLine: map[string][]int{},
	}
	for i, s := range sums {
		p := Clean(s.Path)
		x.Paths[i] = p
		x.byPath[p] = i
		noExt := strings.TrimSuffix(p, path.Ext(p))
		if _, ok := x.byPath[noExt]; !ok {
			x.byPath[noExt] = i
		}
		dir, base := path.Split(noExt)
		dir = strings.TrimSuffix(dir, "/")
		switch strings.ToLower(base) {
		case "index", "readme", "_index":
			if _, ok := x.byFolder[dir]; !ok {
				x.byFolder[dir] = i
			}
		}
		id := base
		if v, ok := s.Meta["id"].(string); ok && v != "" {
			id = v
		}
		x.byDocID[path.Join(dir, id)] = i
		if t := strings.TrimSpace(s.Title); t != "" {
			x.byTitle[t] = append(x.byTitle[t], i)
			if f := Fold(t); f != "" {
				x.byFold[f] = append(x.byFold[f], i)
			}
		}
		if s.Format == document.FormatText {
			for _, l := range s.Head.FirstLines {
				if l != s.Title {
					x.byLine[l] = append(x.byLine[l], i)
				}
			}
		}
	}
	return x
}

// Clean returns a path cleaned and slash-separated.
func Clean(p string) string { return path.Clean(filepath.ToSlash(p)) }

// Fold is a title for loose comparison: lower case, without spaces and
// punctuation.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// External reports whether a target is a URL or an e-mail address, which
// no corpus can resolve or refute.
func External(t string) bool {
	return strings.Contains(t, "://") || strings.HasPrefix(t, "mailto:") || strings.HasPrefix(t, "//")
}

// Resolve returns the articles a navigation link of article from points at,
// nil when none; more than one when several articles share a title.
func (x *Index) Resolve(from int, l document.NavLink) []int {
	t := strings.TrimSpace(l.Target)
	if t == "" || External(t) {
		return nil
	}
	if l.IsPath || strings.HasPrefix(l.Label, "pagination_") {
		if i, ok := x.ResolvePath(from, t, strings.HasPrefix(l.Label, "pagination_")); ok {
			return []int{i}
		}
	}
	if ids := x.byTitle[t]; len(ids) > 0 {
		return ids
	}
	if ids := x.byFold[Fold(t)]; len(ids) > 0 && Fold(t) != "" {
		return ids
	}
	if ids := x.byLine[t]; len(ids) > 0 {
		return ids
	}
	if !l.IsPath && strings.ContainsRune(t, '/') {
		if i, ok := x.ResolvePath(from, t, false); ok {
			return []int{i}
		}
	}
	return nil
}

// ResolvePath finds the article a path points at: relative to the
// article's folder, or site-absolute (see Index), or, for Docusaurus
// (docID), a doc id under any folder above the article. A .md, .html or
// no extension, and a trailing slash or a folder (its index.md), are
// accepted as the generators accept them. A #fragment or ?query is ignored.
func (x *Index) ResolvePath(from int, t string, docID bool) (int, bool) {
	if k := strings.IndexAny(t, "#?"); k >= 0 {
		t = t[:k]
	}
	if t == "" {
		return 0, false
	}
	dir := path.Dir(x.Paths[from])
	if docID {
		for d := range ancestors(dir) {
			if i, ok := x.byDocID[path.Join(d, t)]; ok {
				return i, true
			}
		}
	}
	if !strings.HasPrefix(t, "/") {
		return x.lookup(path.Join(dir, t))
	}
	for d := range ancestors(dir) {
		if i, ok := x.lookup(path.Join(d, t)); ok {
			return i, true
		}
	}
	return 0, false
}

func (x *Index) lookup(p string) (int, bool) {
	if i, ok := x.byPath[p]; ok {
		return i, true
	}
	if ext := path.Ext(p); ext == ".html" || ext == ".htm" {
		if i, ok := x.byPath[strings.TrimSuffix(p, ext)]; ok {
			return i, true
		}
	}
	i, ok := x.byFolder[p]
	return i, ok
}

// ancestors yields dir and every folder above it, nearest first.
func ancestors(dir string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for d := dir; ; d = path.Dir(d) {
			if !yield(d) {
				return
			}
			if d == "." || d == "/" || path.Dir(d) == d || d == ".." || strings.HasSuffix(d, "/..") {
				return
			}
		}
	}
}

// Article returns the path of an article as a message shows it.
func (x *Index) Article(i int) string {
	if t := x.Sums[i].Title; t != "" {
		return "\"" + t + "\""
	}
	return x.Paths[i]
}

// Near returns the one article whose title (for a title target) or file
// name (for a path target) is a small edit away from the target, with the
// text to write instead; ok is false when none or several are.
func (x *Index) Near(from int, l document.NavLink) (int, string, bool) {
	t := strings.TrimSpace(l.Target)
	if t == "" || External(t) {
		return 0, "", false
	}
	if l.IsPath || strings.HasPrefix(l.Label, "pagination_") {
		return x.nearPath(from, t, strings.HasPrefix(l.Label, "pagination_"))
	}
	ft := Fold(t)
	limit := nearLimit(ft)
	runes := utf8.RuneCountInString(ft)
	x.foldsOnce.Do(func() {
		x.folds = make([]foldEntry, 0, len(x.byFold))
		for f, ids := range x.byFold {
			x.folds = append(x.folds, foldEntry{f, utf8.RuneCountInString(f), ids})
		}
	})
	found, n := -1, 0
	for _, e := range x.folds {
		if abs(e.runes-runes) > limit {
			continue
		}
		if d := config.EditDistance(e.fold, ft); d <= limit {
			n += len(e.ids)
			found = e.ids[0]
		}
	}
	if n != 1 {
		return 0, "", false
	}
	return found, x.Sums[found].Title, true
}

// nearPath compares the link's last segment with the file names (or doc
// ids) in the folder it names.
func (x *Index) nearPath(from int, t string, docID bool) (int, string, bool) {
	frag := ""
	if k := strings.IndexAny(t, "#?"); k >= 0 {
		t, frag = t[:k], t[k:]
	}
	slash := strings.HasSuffix(t, "/")
	t = strings.TrimSuffix(t, "/")
	tdir, tbase := path.Split(t)
	if tbase == "" {
		return 0, "", false
	}
	ext := path.Ext(tbase)
	stem := strings.TrimSuffix(tbase, ext)
	limit := nearLimit(stem)
	found, name, n := -1, "", 0
	dir := path.Dir(x.Paths[from])
	roots := []string{dir}
	if strings.HasPrefix(t, "/") || docID {
		roots = roots[:0]
		for d := range ancestors(dir) {
			roots = append(roots, d)
		}
	}
	seen := map[int]bool{}
	for _, root := range roots {
		folder := path.Join(root, tdir)
		for i, p := range x.Paths {
			if seen[i] {
				continue
			}
			pd, pb := path.Split(p)
			cand := strings.TrimSuffix(pb, path.Ext(pb))
			if docID {
				if v, ok := x.Sums[i].Meta["id"].(string); ok && v != "" {
					cand = v
				}
			}
			if strings.EqualFold(cand, "index") || strings.EqualFold(cand, "readme") {
				// A folder's index page is named by the folder.
				pd, cand = path.Split(strings.TrimSuffix(pd, "/"))
			}
			if strings.TrimSuffix(pd, "/") != folder || abs(len(cand)-len(stem)) > limit {
				continue
			}
			if d := config.EditDistance(cand, stem); d > 0 && d <= limit {
				seen[i] = true
				found, name, n = i, cand, n+1
			}
		}
		if n > 0 {
			break
		}
	}
	if n != 1 {
		return 0, "", false
	}
	out := tdir + name + ext
	if slash {
		out += "/"
	}
	return found, out + frag, true
}

// nearLimit is the edit distance still taken for a typo: one in a short
// word, up to three in a long title.
func nearLimit(s string) int {
	n := len([]rune(s))
	switch {
	case n < 4:
		return 0
	case n < 8:
		return 1
	case n < 30:
		return 2
	}
	return 3
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// ExplicitNone reports whether the front matter says there is
// deliberately no link in that direction (prev: false, pagination_prev: null).
func ExplicitNone(s *document.Summary, dir document.NavDir) bool {
	keys := []string{"next", "pagination_next"}
	if dir == document.NavPrev {
		keys = []string{"prev", "previous", "pagination_prev"}
	}
	for _, k := range keys {
		v, ok := s.Meta[k]
		if !ok {
			continue
		}
		if v == nil || v == false {
			return true
		}
		if s, ok := v.(string); ok && (s == "" || s == "null" || s == "false") {
			return true
		}
	}
	return false
}

// Claim is one resolved navigation link: From says To is its Dir.
type Claim struct {
	From, To int
	Dir      document.NavDir
	Link     *document.NavLink
}

// Claims resolves every navigation link to exactly one article; links
// that resolve to none or to several are left out.
func (x *Index) Claims() []Claim {
	x.claimsOnce.Do(func() {
		var before []Claim
		if x.before != nil {
			before = x.before.claims
		}
		k := 0
		for i, s := range x.Sums {
			if x.before != nil && !x.reported(i) {
				// The same links resolved in the same index: the last run's.
				for k < len(before) && before[k].From < i {
					k++
				}
				for ; k < len(before) && before[k].From == i; k++ {
					x.claims = append(x.claims, before[k])
				}
				continue
			}
			for n := range s.Nav {
				l := &s.Nav[n]
				if ids := x.Resolve(i, *l); len(ids) == 1 {
					x.claims = append(x.claims, Claim{From: i, To: ids[0], Dir: l.Dir, Link: l})
				}
			}
		}
	})
	return slices.Clone(x.claims)
}

// Site reads the generator and its conventions (see DetectSite).
func (x *Index) Site(known *lint.KnownFiles) Site { return detect(x.sitePages(), known) }

// sitePages returns what DetectSite reads of each article.
func (x *Index) sitePages() []page {
	x.pagesOnce.Do(func() {
		x.pages = make([]page, len(x.Sums))
		for i, s := range x.Sums {
			if x.before != nil && !x.reported(i) {
				x.pages[i] = x.before.pages[i] // the same summary as then
				continue
			}
			x.pages[i] = pageOf(s)
		}
	})
	return x.pages
}

// Opposite returns the other direction.
func Opposite(d document.NavDir) document.NavDir {
	if d == document.NavNext {
		return document.NavPrev
	}
	return document.NavNext
}

// Links returns article i's navigation links in direction d.
func (x *Index) Links(i int, d document.NavDir) []*document.NavLink {
	var out []*document.NavLink
	for k := range x.Sums[i].Nav {
		if x.Sums[i].Nav[k].Dir == d {
			out = append(out, &x.Sums[i].Nav[k])
		}
	}
	return out
}
