package nav

import (
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/document"
)

// MismatchKind says which link of a non-reciprocal group is reported.
type MismatchKind uint8

// Kinds of mismatch, in the order they win when two land on one link.
const (
	// BackWrong: Y's back link points elsewhere; correct it to the claimant.
	BackWrong MismatchKind = iota
	// BackMissing: Y has navigation but no back link at all.
	BackMissing
	// Shared: several articles claim Y and Y points back to none of them.
	Shared
	// Odd: Y already points back to another claimant; this claim is the odd one.
	Odd
)

// A Mismatch is a set of claims "Y is my Dir" that Y does not return, and
// where the finding goes: At (an article) and Link (nil when missing).
type Mismatch struct {
	Kind   MismatchKind
	Target int // Y
	Dir    document.NavDir
	Claims []Claim // the claims not pointed back
	At     int
	Link   *document.NavLink
	// Back lists what Y's back link resolves to.
	Back []int
	// Suggest is the article the reported link should name; -1 when
	// unknown.
	Suggest int
}

type groupKey struct {
	to  int
	dir document.NavDir
}

// Mismatches finds every claim "Y is my next" (or previous) that Y does not
// return with its previous (or next) link. A claim is not judged when Y's
// back link is broken or ambiguous, when Y says deliberately "none"
// (prev: false, pagination_prev: null), or when Y has no navigation at
// all: a generator then derives the link from the sidebar or the date.
func (x *Index) Mismatches(claims []Claim) []Mismatch { return x.MismatchesFor(claims, nil) }

// MismatchesFor is Mismatches where only the mismatches reported at the
// articles for which at is true are wanted (nil: every article): it
// judges only the claims on those articles, by them, and on the
// articles they claim, whose back links a finding of theirs may correct.
// The mismatches it returns are those Mismatches returns, for the
// wanted articles and maybe some others.
func (x *Index) MismatchesFor(claims []Claim, at func(int) bool) []Mismatch {
	groups := map[groupKey][]Claim{}
	var keys []groupKey
	for _, c := range claims {
		if c.From == c.To {
			continue
		}
		k := groupKey{c.To, c.Dir}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], c)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].to != keys[j].to {
			return keys[i].to < keys[j].to
		}
		return keys[i].dir < keys[j].dir
	})
	if at != nil {
		keys = wantedGroups(keys, groups, at)
	}
	var out []Mismatch
	for _, k := range keys {
		cs := groups[k]
		y := k.to
		back := Opposite(k.dir)
		links := x.Links(y, back)
		var r []int
		judged := true
		for _, b := range links {
			ids := x.Resolve(y, *b)
			if len(ids) == 0 && !External(b.Target) {
				judged = false // broken: nav-link-broken's finding
			}
			r = append(r, ids...)
		}
		if !judged {
			continue
		}
		var odd []Claim
		pointed := false
		for _, c := range cs {
			if slices.Contains(r, c.From) {
				pointed = true
			} else {
				odd = append(odd, c)
			}
		}
		if len(odd) == 0 {
			continue
		}
		if len(r) > 0 && len(links) > 1 {
			// Several back links disagree among themselves; no single claim is the odd one.
			continue
		}
		switch {
		case pointed:
			for _, c := range odd {
				out = append(out, Mismatch{Kind: Odd, Target: y, Dir: k.dir, Claims: []Claim{c}, At: c.From, Link: c.Link, Back: r, Suggest: x.follower(claims, c.From, k.dir, y)})
			}
		case len(links) == 0:
			if ExplicitNone(x.Sums[y], back) || len(x.Sums[y].Nav) == 0 {
				continue
			}
			m := Mismatch{Kind: BackMissing, Target: y, Dir: k.dir, Claims: odd, At: y, Suggest: -1}
			if len(odd) == 1 {
				m.Suggest = odd[0].From
			} else {
				m.Kind = Shared
			}
			out = append(out, m)
		default:
			m := Mismatch{Kind: BackWrong, Target: y, Dir: k.dir, Claims: odd, At: y, Link: links[0], Back: r, Suggest: -1}
			if len(odd) == 1 {
				// Correct the back link only when the article it names has
				// navigation that does not name y: otherwise it is one link's
				// word against another's, and no side can be chosen.
				if x.confirms(r, k.dir, y) {
					m.Suggest = odd[0].From
				}
			} else {
				m.Kind = Shared
			}
			out = append(out, m)
		}
	}
	return out
}

// wantedGroups keeps, in order, the groups whose mismatches may be reported
// at a wanted article (one claimed, or one claiming), and the groups of the
// articles those claim from: a mismatch there corrects a claimant's link,
// which its claim is then not judged by (see navlinkmismatch).
func wantedGroups(keys []groupKey, groups map[groupKey][]Claim, at func(int) bool) []groupKey {
	wanted := map[groupKey]bool{}
	froms := map[int]bool{}
	for _, k := range keys {
		want := at(k.to)
		for _, c := range groups[k] {
			want = want || at(c.From)
		}
		if want {
			wanted[k] = true
			for _, c := range groups[k] {
				froms[c.From] = true
			}
		}
	}
	var out []groupKey
	for _, k := range keys {
		if wanted[k] || froms[k.to] {
			out = append(out, k)
		}
	}
	return out
}

// confirms reports whether every article in back says by its own
// navigation that it is not y's neighbour that way: it has a link in
// direction dir (which does not name y, or it would be a claimant), or its
// link the other way names y.
func (x *Index) confirms(back []int, dir document.NavDir, y int) bool {
	for _, z := range back {
		if len(x.Links(z, dir)) > 0 || ExplicitNone(x.Sums[z], dir) {
			continue
		}
		named := false
		for _, l := range x.Links(z, Opposite(dir)) {
			for _, i := range x.Resolve(z, *l) {
				named = named || i == y
			}
		}
		if !named {
			return false
		}
	}
	return len(back) > 0
}

// follower returns the one article that claims x as its opposite of dir
// (for a next link: the article whose previous is x), other than y; -1
// when none or several.
func (x *Index) follower(claims []Claim, from int, dir document.NavDir, y int) int {
	found := -1
	for _, c := range claims {
		if c.To == from && c.Dir == Opposite(dir) && c.From != y && c.From != from {
			if found >= 0 && found != c.From {
				return -1
			}
			found = c.From
		}
	}
	return found
}

// TargetFor writes a link from article from to article to in the style of
// like (a title, a relative path, a site-absolute path or a doc id), and
// checks that it resolves back to to; ok is false when it cannot.
func (x *Index) TargetFor(from, to int, like *document.NavLink) (string, bool) {
	docID := strings.HasPrefix(like.Label, "pagination_")
	if !like.IsPath && !docID {
		t := x.Sums[to].Title
		if t == "" || strings.ContainsAny(t, "\r\n") {
			return "", false
		}
		ids := x.Resolve(from, document.NavLink{Target: t, Label: like.Label})
		return t, len(ids) == 1 && ids[0] == to
	}
	old := like.Target
	if k := strings.IndexAny(old, "#?"); k >= 0 {
		old = old[:k]
	}
	dest := x.Paths[to]
	ext := path.Ext(dest)
	noExt := strings.TrimSuffix(dest, ext)
	dir, base := path.Split(noExt)
	var cands []string
	switch {
	case docID:
		id := base
		if v, ok := x.Sums[to].Meta["id"].(string); ok && v != "" {
			id = v
		}
		for d := range ancestors(path.Dir(x.Paths[from])) {
			if rel, ok := under(path.Join(dir, id), d); ok {
				cands = append(cands, rel)
			}
		}
	case strings.HasPrefix(old, "/"):
		root, ok := x.root(from, old)
		if !ok {
			return "", false
		}
		rel, ok := under(noExt, root)
		if !ok {
			return "", false
		}
		c := "/" + rel
		if strings.EqualFold(base, "index") {
			c = "/" + strings.TrimSuffix(strings.TrimSuffix(rel, base), "/") + "/"
			if c == "//" {
				c = "/"
			}
		} else if e := path.Ext(old); e != "" {
			c += e
		}
		cands = append(cands, c)
	default:
		rel, err := filepath.Rel(path.Dir(x.Paths[from]), dest)
		if err != nil {
			return "", false
		}
		rel = filepath.ToSlash(rel)
		if path.Ext(old) == "" {
			rel = strings.TrimSuffix(rel, ext)
		}
		cands = append(cands, rel)
	}
	for _, c := range cands {
		if i, ok := x.ResolvePath(from, c, docID); ok && i == to {
			return c, true
		}
	}
	return "", false
}

// root returns the folder a site-absolute link resolved under.
func (x *Index) root(from int, t string) (string, bool) {
	for d := range ancestors(path.Dir(x.Paths[from])) {
		if _, ok := x.lookup(path.Join(d, t)); ok {
			return d, true
		}
	}
	return "", false
}

// under returns p relative to folder d when p lies under it.
func under(p, d string) (string, bool) {
	if d == "." && !strings.HasPrefix(p, "../") && !path.IsAbs(p) {
		return p, true
	}
	if strings.HasPrefix(p, d+"/") {
		return p[len(d)+1:], true
	}
	if d == "/" && path.IsAbs(p) {
		return p[1:], true
	}
	return "", false
}
