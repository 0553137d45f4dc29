package parse

import (
	"maps"
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/document"
)

// sameAsDecoder checks that where fastYAML answers, it answers what the
// full decoder does: the same values, the same emptiness, the same field
// spans, and no error the decoder would have reported.
func sameAsDecoder(t *testing.T, text string) (fast bool) {
	t.Helper()
	src := []byte(text)
	inner := document.Span{Start: 0, End: len(src)}
	ff := map[string]fmField{}
	fm, fe, ok := fastYAML(src, inner, ff)
	if !ok {
		return false
	}
	sf := map[string]fmField{}
	sm, se, problem := decodeYAML(src, inner, sf)
	if problem != "" {
		t.Fatalf("fast path accepted %q, the decoder says: %s", text, problem)
	}
	if fe != se || !reflect.DeepEqual(fm, sm) {
		t.Fatalf("%q:\nfast    %#v (empty %v)\ndecoder %#v (empty %v)", text, fm, fe, sm, se)
	}
	if !maps.Equal(ff, sf) {
		t.Fatalf("%q fields:\nfast    %+v\ndecoder %+v", text, ff, sf)
	}
	return true
}

func TestFastYAML(t *testing.T) {
	for _, tc := range []struct {
		text string
		fast bool // the fast path answers rather than hands over
	}{
		{"title: Harbor City Museum opens a lab\ndate: 2025-03-14\n", true},
		{"title: \"Quoted: with a colon\"\r\ndate: 2025-03-14 09:30\r\ndraft: true\r\n", true},
		{"title: 'single'\nweight: 12\nempty:\nnothing: ~\nalso: null\n", true},
		{"tags: [news, \"two words\", 'x', 2025]\nnone: []\n", true},
		{"authors:\n  - Ana Ruiz\n  - Tomas Berg\nteam:\n- Lab\n- Desk\n", true},
		{"prev:\n  text: Earlier news\n  link: /news/earlier\nnext: ./later.md\n", true},
		{"# a comment\n\ntitle: x # not a comment\n", false},
		{"title: C# and F#\n", true},
		{"# only a comment\n", true},
		{"", true},
		{"title: a\ntitle: b\n", false},                  // duplicate key: the decoder's error
		{"title: >\n  folded\n", false},                  // block scalar
		{"title: \"esc\\\"aped\"\n", false},              // escapes
		{"title: two\n  lines\n", false},                 // a plain scalar on two lines
		{"version: 1.5\n", false},                        // a float
		{"mode: 0755\n", false},                          // a YAML 1.1 octal
		{"a: b: c\n", false},                             // an error
		{"- a\n- b\n", false},                            // not a mapping
		{"anchor: &x 1\nalias: *x\n", false},             // anchors
		{"deep:\n  a:\n    b: c\n", false},               // nesting
		{"title:\tx\n", false},                           // a tab
		{"list: [a, [b]]\n", false},                      // nested flow
		{"\"quoted key\": v\n", false},                   // quoted key
		{"prev:\n  text: a\n  - b\n", false},             // map then list
		{"title: \"multi\n  line\"\n", false},            // quoted over two lines
		{"Publish Time: 2025-03-14\n", false},            // a key with a space
		{"x: yes\ny: No\nz: on\n", true},                 // YAML 1.1 booleans are strings here
		{"big: 123456789012345678901234567890\n", false}, // beyond int64
		{"date: 2025-03-14T09:30:00+01:00\n", true},      // timestamp kept as text
		{"n: -5\n", false},
		{"title: 36 teams compete\nslug: 2018/02/36-teams\n", true}, // digits first, yet text
		{"n: 1_000\nh: 0x1F\ne: 1e5\n", false},                      // numbers YAML reads its own way                               // a sign
		{"t: True\nf: FALSE\n", true},                               // booleans
		{"empty: \"\"\nlink:\n  link: \"\"\n", true},                // empty strings have no span
		{"title: ends with colon:\n", false},                        // the decoder's error
		{"title: x\n---\n", false},                                  // a second document
		{"title: héllo wörld\n", true},                              // non-ASCII
		{"title: \u0085x\n", false},                                 // NEL is a line break to YAML
		{"title: \ufeffx\n", false},                                 // a BOM inside
	} {
		t.Run(tc.text, func(t *testing.T) {
			if got := sameAsDecoder(t, tc.text); got != tc.fast {
				t.Errorf("fast path answered = %v, want %v", got, tc.fast)
			}
		})
	}
}

// The values themselves, not only their agreement with the decoder.
func TestFastYAMLValues(t *testing.T) {
	src := []byte("title: Museum opens\ntags: [a, 'b c']\nprev:\n  text: Old\n  link: /old\nn: 7\n")
	fields := map[string]fmField{}
	meta, empty, ok := fastYAML(src, document.Span{Start: 0, End: len(src)}, fields)
	if !ok || empty {
		t.Fatalf("ok=%v empty=%v", ok, empty)
	}
	want := map[string]any{
		"title": "Museum opens",
		"tags":  []any{"a", "b c"},
		"prev":  map[string]any{"text": "Old", "link": "/old"},
		"n":     7,
	}
	if !reflect.DeepEqual(meta, want) {
		t.Errorf("meta = %#v, want %#v", meta, want)
	}
	if f := fields["prev.link"]; string(src[f.span.Start:f.span.End]) != "/old" || f.value != "/old" {
		t.Errorf("prev.link = %+v", f)
	}
	if f := fields["title"]; string(src[f.span.Start:f.span.End]) != "Museum opens" {
		t.Errorf("title = %+v", f)
	}
}

// FuzzFastYAML holds the fast path to the full decoder's answer on any
// input it accepts.
func FuzzFastYAML(f *testing.F) {
	for _, s := range []string{
		"title: x\ndate: 2025-03-14\n",
		"tags: [a, \"b\", 'c', 1]\n",
		"authors:\n  - A\n  - B\nprev:\n  text: t\n  link: l\n",
		"a:\nb: ~\nc: 'q'\nd: \"\"\n",
		"x: 0\ny: 12\nz: true\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sameAsDecoder(t, text)
	})
}
