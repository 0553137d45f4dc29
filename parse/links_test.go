package parse

import (
	"slices"
	"testing"
)

func TestMarkdownLinks(t *testing.T) {
	src := "---\ntitle: T\n---\n\n# Harbor *news*\n\nSee [the guide](./guide.md#start \"Guide\"), ![a map](img/map.png) and [a ref][r].\n\n`[x](code.md)` and <https://example.org>.\n\n[r]: ../other.md\n"
	doc, err := Parse("a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		dest, at string
		image    bool
	}{{"./guide.md#start", "./guide.md#start", false}, {"img/map.png", "img/map.png", true}, {"../other.md", "a ref", false}}
	if len(doc.Links) != len(want) {
		t.Fatalf("links = %+v, want %d", doc.Links, len(want))
	}
	for i, w := range want {
		l := doc.Links[i]
		if l.Dest != w.dest || l.Image != w.image || string(doc.Text(l.Span)) != w.at {
			t.Errorf("link %d = %+v at %q, want %q at %q (image %v)", i, l, doc.Text(l.Span), w.dest, w.at, w.image)
		}
	}
}

func TestHeadingAnchors(t *testing.T) {
	src := "# Opening hours & tickets\n\n## Opening hours & tickets\n\n## 2025 plans\n\n## Group visits {#groups}\n\n## 开放时间\n\n<a id=\"Contact\"></a>\n\nText with <span name='desk'>a name</span>.\n"
	doc, err := Parse("a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{
		"opening-hours--tickets", "opening-hours-tickets", // GitHub, VitePress
		"opening-hours--tickets-1", // GitHub numbers repeats
		"2025-plans", "_2025-plans", "groups", "开放时间", "contact", "desk",
	} {
		if !slices.Contains(doc.Anchors, a) {
			t.Errorf("anchor %q missing from %q", a, doc.Anchors)
		}
	}
}

func TestSlugs(t *testing.T) {
	for _, c := range []struct{ in, gh, vp string }{
		{"Getting started", "getting-started", "getting-started"},
		{"What's new in v1.2?", "whats-new-in-v12", "what-s-new-in-v1-2"},
		{"  Trim -- me  ", "--trim----me--", "trim-me"},
		{"Café au lait", "café-au-lait", "café-au-lait"},
	} {
		if g := GitHubSlug(c.in); g != c.gh {
			t.Errorf("GitHubSlug(%q) = %q, want %q", c.in, g, c.gh)
		}
		if v := VitePressSlug(c.in); v != c.vp {
			t.Errorf("VitePressSlug(%q) = %q, want %q", c.in, v, c.vp)
		}
	}
}
