package document_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/internal/wire"
	"github.com/copydesk/copydesk/parse"
)

// notStored are the Summary fields AppendSummary leaves out on purpose: a
// context file has no findings to print or fix. A field added to Summary
// must be stored or listed here, or TestSummaryRoundTrip fails.
var notStored = map[string]bool{"Src": true, "Protected": true}

// TestSummaryRoundTrip: every field the corpus rules may read comes back
// from the bytes as the parser left it, in each format.
func TestSummaryRoundTrip(t *testing.T) {
	for _, tt := range []struct{ name, src string }{
		{"post.md", "---\ntitle: Tide tables\ndate: 2025-03-04T10:00:00+02:00\ntags: [sea, moon]\ndraft: true\nweight: 3\nratio: 0.5\nnested: {a: 1, b: [x, null]}\n---\n\n# Tide tables\n\nSee [the harbour](../harbour.md#moorings) and ![chart](chart.png).\n\n## Moorings {#moor}\n\n<!-- copydesk-disable-next-line date-format -->\nPublished on 4 March 2025.\n\n{{< include \"x.md\" >}}\n\n::: tip Low water\nMind the sandbar.\n:::\n\nNext: [Currents](currents.md)\n"},
		{"toml.md", "+++\ntitle = \"Currents\"\ndate = 2025-03-05\npath = \"/2025/03/05/currents\"\n+++\n\nText about currents.\n"},
		{"2025-03-06-page.html", "<html><head><title>Buoys</title></head><body><h1 id=\"top\">Buoys</h1><p>Date: Sunday, 32 March 2025</p><a href=\"b.html\">next</a></body></html>"},
		{"notes/plain.txt", "- Harbour notes\n-----\nWritten 5 March 2025\n\nThe harbour master said so.\n\nPrevious: Tide tables\n"},
		{"cr.txt", "Old Mac notes\rDate: 2025-03-07\r\rSome text here.\r"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parse.WithFacts(tt.name, []byte(tt.src), false)
			if err != nil {
				t.Fatal(err)
			}
			w := &wire.Writer{}
			if err := document.AppendSummary(w, doc.Summary); err != nil {
				t.Fatal(err)
			}
			r := wire.NewReader(w.B)
			got := document.ReadSummary(r)
			if !r.Done() {
				t.Fatalf("read back: %v, %v", got, r.Err())
			}
			want := reflect.ValueOf(doc.Summary).Elem()
			typ := want.Type()
			for i := range typ.NumField() {
				f := typ.Field(i)
				if !f.IsExported() || notStored[f.Name] {
					continue
				}
				a, b := want.Field(i).Interface(), reflect.ValueOf(got).Elem().Field(i).Interface()
				if f.Name == "Date" || f.Name == "Dates" {
					a, b = plainErrs(a), plainErrs(b)
				}
				if !reflect.DeepEqual(a, b) {
					t.Errorf("%s:\n got %#v\nwant %#v", f.Name, b, a)
				}
			}
			for i, d := range doc.Dates {
				if d == doc.Date && got.Date != got.Dates[i] {
					t.Errorf("Date is no longer Dates[%d] itself", i)
				}
			}
		})
	}
}

// plainErrs returns the dates with their errors as messages alone: a
// stored error keeps its message and errors.Is(dates.ErrNotADate).
func plainErrs(v any) any {
	var ds []*document.DateField
	switch v := v.(type) {
	case *document.DateField:
		if v == nil {
			return v
		}
		ds = []*document.DateField{v}
	case []*document.DateField:
		ds = v
	}
	out := make([]document.DateField, len(ds))
	for i, d := range ds {
		out[i] = *d
		for _, e := range []*error{&out[i].ParseErr, &out[i].Parsed.Err} {
			if *e != nil {
				*e = errors.New((*e).Error())
			}
		}
	}
	return out
}
