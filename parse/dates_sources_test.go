package parse

import "testing"

// TestDateSources: every date an article carries is recorded, in order of
// preference, and the preferred one is Summary.Date.
func TestDateSources(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string // Source.Config() + "=" + Raw
	}{
		{"2025/03/14/2025-03-13-post.md", "---\ntitle: T\ndate: 2025-03-12\n---\n\nBody.\n",
			[]string{"front-matter=2025-03-12", "file-name=2025-03-13", "path=2025-03-14"}},
		{"news/a.txt", "Title line\n\nDate: 2025-03-14 09:30\n\nBody.\n", []string{"line=2025-03-14 09:30"}},
		{"2025-03-13-a.md", "---\ntitle: T\n---\n\nBody.\n", []string{"file-name=2025-03-13"}},
		{"a.md", "+++\npath = \"2014/12/12/1.0-Timeline\"\ntitle = \"T\"\n+++\n\nBody.\n", []string{"path=2014/12/12"}},
		{"a.md", "+++\npath = \"inside-rust/2020/07/27/1.45.1-prerelease\"\ntitle = \"T\"\n+++\n\nBody.\n", []string{"path=2020/07/27"}},
		{"a.md", "+++\npath = \"news/2020-07-27\"\ntitle = \"T\"\n+++\n\nBody.\n", nil},
		{"a.md", "---\npath: 2014/12/12/slug\n---\n\nBody.\n", nil}, // only Zola's TOML key
	} {
		doc, err := Parse(c.name, []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range doc.Dates {
			got = append(got, d.Source.Config()+"="+d.Raw)
			if d.Span.End > d.Span.Start && string(doc.Src[d.Span.Start:d.Span.End]) != d.Raw {
				t.Errorf("%s: span %v holds %q, not %q", c.name, d.Span, doc.Src[d.Span.Start:d.Span.End], d.Raw)
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: dates %q, want %q", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: dates %q, want %q", c.name, got, c.want)
			}
		}
		if len(doc.Dates) > 0 && doc.Date != doc.Dates[0] {
			t.Errorf("%s: Date is not the first of Dates", c.name)
		}
		if len(doc.Dates) == 0 && doc.Date != nil {
			t.Errorf("%s: Date set without Dates", c.name)
		}
	}
}
