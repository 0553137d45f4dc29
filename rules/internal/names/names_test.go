package names

import (
	"testing"

	"github.com/copydesk/copydesk/lint"
)

func TestPhraseKey(t *testing.T) {
	same := [][2]string{
		{"Museum of Science and Technology", "Museum of Sciences & Technology"},
		{"Museum of Science and Technology", "Museum of Science, Technology"},
		{"Anna Berg", "Annaberg"},
		{"Lakeside", "Lake side"},
		{"High Level Forum", "High-level Forum"},
		{"Institute of Technologies", "Institute of Technology"},
		{"Partnership Councils", "Partnership Council"},
	}
	for _, p := range same {
		a, _, _ := PhraseKey(p[0])
		b, _, _ := PhraseKey(p[1])
		if a != b {
			t.Errorf("PhraseKey(%q) = %q, PhraseKey(%q) = %q; want equal", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{
		{"HTTPS", "HTTP"}, // an acronym's S is no plural
		{"Academy of Science and Technology", "National Academy of Sciences"},
		{"Campus", "Camp"},
	}
	for _, p := range differ {
		a, _, _ := PhraseKey(p[0])
		b, _, _ := PhraseKey(p[1])
		if a == b {
			t.Errorf("PhraseKey(%q) = PhraseKey(%q) = %q; want different", p[0], p[1], a)
		}
	}
}

func TestOneEdit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"lakesde", "lakeside", true}, {"lakeside", "lakesde", true}, {"aracdia", "arcadia", true},
		{"hansen", "hanson", true}, {"lakeside", "lakeside", false}, {"lakeview", "lakeside", false},
	} {
		if got := oneEdit(c.a, c.b); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// The index finds a slip, keeps the longest of two entries, and leaves a
// different name that shares words alone.
func TestFind(t *testing.T) {
	ix := NewIndex([]lint.NameEntry{
		{Name: "Harbor City Museum of Science and Technology"},
		{Name: "Harbor City Museum"},
		{Name: "Academy of Science and Technology"},
		{Name: "Lakeside"},
	})
	src := "Title\n\nThe Harbor City Museum of Science and Technology met the Harbor City Museum, " +
		"the National Academy of Sciences and Lakesde residents.\n"
	doc, err := lint.Parse("a.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	ix.Find(doc, func(m Match) { got = append(got, m.Text+"→"+m.Target.Surface) })
	if len(got) != 1 || got[0] != "Lakesde→Lakeside" {
		t.Errorf("matches = %q, want only Lakesde→Lakeside", got)
	}
}

// Mining counts what a document writes and where; the title, in title
// case, is no evidence.
func TestMine(t *testing.T) {
	src := "Greenhaven Water Trust Opens An Office\n\nThe Greenhaven Water Trust opened. Julia marin and Julia Marin came.\n"
	doc, err := lint.Parse("a.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f := Mine(doc, MineOptions{})
	seen := map[string]bool{}
	for _, s := range f.Spellings {
		seen[s.Surface] = true
		if s.Surface == "Greenhaven Water Trust" && (s.Count != 1 || src[s.Spans[0].Start:s.Spans[0].End] != s.Surface) {
			t.Errorf("%q: count %d, spans %v", s.Surface, s.Count, s.Spans)
		}
		if s.Surface == "Julia marin" && !s.Loose {
			t.Errorf("%q should be loose", s.Surface)
		}
	}
	for _, want := range []string{"Greenhaven Water Trust", "Julia Marin", "Julia marin"} {
		if !seen[want] {
			t.Errorf("not mined: %q (got %v)", want, seen)
		}
	}
	if seen["Greenhaven Water Trust Opens An Office"] {
		t.Error("the title was mined")
	}
}
