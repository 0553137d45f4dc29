// Package dateformat finds publication dates written differently from the
// house format, which by default is the most common one in the archive,
// and rewrites them in it.
package dateformat

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/copydesk/copydesk/dates"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/pubdate"
)

// Rule is the date-format rule.
var Rule = &lint.Rule{
	ID:       "date-format",
	Category: lint.CategoryMetadata,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixMixed,
	Doc: lint.Doc{
		Title: "A publication date written differently from the house format",
		Why: "An archive whose dates read \"Date: 2025-03-14\" in one article, \"Publish Time: Mar 14, 2025\" in the " +
			"next and \"2025-3-14\" in a third looks careless, and a site that parses dates may read some of them " +
			"wrong. The house format is the `format` option (a Go layout such as 2006-01-02 15:04), or by default " +
			"(`auto`) the most common layout among the articles linted together; the label counts too (Publish Time: " +
			"where the archive writes Date:). Date lines labelled in Chinese (发布时间：) are compared with each other, " +
			"not with English ones. Front matter values have their own house format (`front-matter-format`) and " +
			"their keys are never renamed. Dates in file names and paths cannot be rewritten and are not checked; " +
			"dates that cannot be read or are ambiguous are date-invalid's.",
		Wrong: "Harbor City Museum opens a gallery\n\nPublish Time: Mar 14, 2025\n\n(in an archive whose other articles write Date: 2025-03-14)",
		Right: "Harbor City Museum opens a gallery\n\nDate: 2025-03-14\n\n(in an archive whose other articles write Date: 2025-03-14)",
		Fix: "Safe when the new text reads back as the same date and time and nothing written is lost: the fix " +
			"rewrites the date, and the label of a date line, in the house format. Unsafe when the house format " +
			"drops a time of day or a time zone, or would add one the article does not give (midnight, UTC).",
	},
	Options: []lint.OptionDecl{dateLayout, dateLabel, frontMatterLayout},
	Corpus:  lint.Corpus(check),
}

var (
	dateLayout = lint.StringOption{
		Name: "format", Default: "auto",
		Doc: "the house layout of date lines, in Go notation (2006-01-02, Jan 2, 2006, 2006-01-02 15:04); auto: the most common among the articles",
	}
	dateLabel = lint.StringOption{
		Name: "label", Default: "auto",
		Doc: "the house label of date lines with what follows it (\"Date: \"); auto: the most common; \"\" for bare dates",
	}
	frontMatterLayout = lint.StringOption{
		Name: "front-matter-format", Default: "auto",
		Doc: "the house layout of front matter dates; auto: the most common among the articles",
	}
)

// group says which dates are compared with each other.
type group uint8

const (
	groupLine group = iota
	groupLineCJK
	groupFrontMatter
)

type entry struct {
	doc   int // in pass.Summaries
	path  string
	grp   group
	f     pubdate.Field
	label string // the label with the space after it; "" for front matter and bare dates
	whole document.Span
	toml  bool // an unquoted TOML value: the new text must stay a TOML date
}

func check(pass *lint.CorpusPass) {
	var entries []entry
	for i, sum := range pass.Summaries {
		for _, f := range pubdate.Fields(sum, pass.Project) {
			if f.ParseErr != nil || f.Date.Err != nil || f.Date.Ambiguous || f.Span.End <= f.Span.Start {
				continue
			}
			e := entry{doc: i, path: sum.Path, f: f, whole: f.Span}
			switch f.Source {
			case document.DateLine:
				e.grp = groupLine
				if f.LabelSpan.End > f.LabelSpan.Start {
					e.label = f.Lead
					e.whole.Start = f.LabelSpan.Start
					if hasCJK(f.Label) {
						e.grp = groupLineCJK
					}
				}
			case document.DateFrontMatter:
				e.grp = groupFrontMatter
				// Only a finding needs to know: a document not reported
				// counts by its layout alone.
				e.toml = pass.Reports(i) && sum.Src[sum.BOM()] == '+' && f.Span.Start > 0 && sum.Src[f.Span.Start-1] != '"' && sum.Src[f.Span.Start-1] != '\''
			default:
				continue
			}
			entries = append(entries, e)
		}
	}
	var labels [3]map[string]int
	var byGroup [3][]*entry
	for i := range labels {
		labels[i] = map[string]int{}
	}
	for i := range entries {
		e := &entries[i]
		byGroup[e.grp] = append(byGroup[e.grp], e)
		labels[e.grp][e.label]++
	}
	houseLayout := [3]string{houseOf(byGroup[0]), houseOf(byGroup[1]), houseOf(byGroup[2])}
	var houseLabel [3]string
	var labelKnown [3]bool
	for g := range 2 {
		houseLabel[g], labelKnown[g] = majorityOK(labels[g])
	}
	order := pubdate.Order(pass.Project)
	for i := range entries {
		e := &entries[i]
		if !pass.Reports(e.doc) {
			continue
		}
		layout, label := houseLayout[e.grp], houseLabel[e.grp]
		fixedLabel := false
		if e.grp == groupFrontMatter {
			if v := frontMatterLayout.For(pass, e.path); v != "" && v != "auto" {
				layout = v
			}
		} else {
			if v := dateLayout.For(pass, e.path); v != "" && v != "auto" {
				layout = v
			}
			if v := dateLabel.For(pass, e.path); v != "auto" {
				label, fixedLabel = v, true
				if label != "" && !strings.HasSuffix(label, " ") && !strings.HasSuffix(label, "：") && e.label != "" {
					// "Date:" as configured matches "Date:" and "Date: " alike.
					label = withGap(label, e.label)
				}
			}
		}
		if e.grp == groupLine && fixedLabel && hasCJK(e.f.Label) {
			label = e.label // a configured English label is not forced on Chinese lines
		}
		layoutOK := layout == "" || conforms(e, layout)
		if e.grp != groupFrontMatter && !fixedLabel && !labelKnown[e.grp] {
			label = e.label // no house label: keep the article's own
		}
		labelOK := e.grp == groupFrontMatter || label == e.label
		if labelOK && layoutOK {
			continue
		}
		if layout == "" {
			layout = e.f.Date.Layout
		}
		report(pass, *e, layout, label, order)
	}
}

func report(pass *lint.CorpusPass, e entry, layout, label string, order dates.Order) {
	d := e.f.Date
	newValue, ok := format(d, layout)
	if ok {
		back, err := dates.Parse(newValue, order)
		ok = err == nil && back.Err == nil && !back.Ambiguous && sameDate(d, back)
	}
	if ok && e.toml {
		var v map[string]any
		_, err := toml.Decode("d = "+newValue, &v)
		_, isTime := v["d"].(time.Time)
		ok = err == nil && isTime
	}
	written := e.label + e.f.Raw
	if e.grp == groupFrontMatter {
		written = e.f.Raw
	}
	want := label + newValue
	if e.grp == groupFrontMatter {
		want = newValue
	}
	if !ok {
		pass.Report(e.path, lint.Diagnostic{Start: e.whole.Start, End: e.whole.End,
			Message: fmt.Sprintf("date %q differs from the house format %q; rewrite it by hand", strings.TrimSpace(written), layout)})
		return
	}
	if want == written {
		return
	}
	app := lint.Safe
	why := ""
	if lost := lostParts(d, layout); lost != "" {
		app, why = lint.Unsafe, " (the house format "+lost+")"
	}
	pass.Report(e.path, lint.Diagnostic{
		Start: e.whole.Start, End: e.whole.End,
		Message: fmt.Sprintf("date %q differs from the house format; write %q%s", strings.TrimSpace(written), strings.TrimSpace(want), why),
		Fix: &lint.Fix{
			Message:       fmt.Sprintf("Rewrite as %q", strings.TrimSpace(want)),
			Applicability: app,
			Edits:         []lint.Edit{{Start: e.whole.Start, End: e.whole.End, NewText: want}},
		},
	})
}

// conforms reports whether a date is written as layout writes it. The
// parser cannot tell "2" from "02" in a day of 14, so layouts are compared
// by what they write, not by name.
func conforms(e *entry, layout string) bool {
	if e.f.Date.Layout == layout {
		return true
	}
	out, ok := format(e.f.Date, layout)
	return ok && out == e.f.Raw
}

// houseOf returns the layout most dates of a group are written in, "" when
// there is no clear one. Dates vote for a shape (the layout with padding
// set aside: a day of 14 shows no padding), and the dates whose month, day
// or hour has one digit then decide whether the house pads it.
func houseOf(es []*entry) string {
	shapes := map[string]int{}
	for _, e := range es {
		shapes[shapeOf(e.f.Date.Layout)]++
	}
	sh, ok := majorityOK(shapes)
	if !ok {
		return ""
	}
	// votes[i][0] unpadded, [1] padded: month and day, -, hour, zone (Z vs +00:00)
	var votes [4][2]int
	for _, e := range es {
		lay := e.f.Date.Layout
		if shapeOf(lay) != sh {
			continue
		}
		d := e.f.Date
		// Month and day are padded alike (2006-01-02, 2006-1-2): a date
		// with either part under 10 votes for both.
		monthNum := strings.ContainsRune(sh, 1)
		switch {
		case monthNum && d.Month < 10:
			votes[0][b2i(strings.Contains(lay, "01"))]++
		case d.Day < 10:
			votes[0][b2i(strings.Contains(strings.ReplaceAll(lay, "2006", ""), "02"))]++
		}
		if d.HasTime && d.Hour < 10 {
			votes[2][b2i(strings.Contains(lay, "15"))]++
		}
		if d.Zone != nil {
			if _, off := d.Time().Zone(); off == 0 {
				votes[3][b2i(strings.Contains(lay, "Z07"))]++
			}
		}
	}
	var b strings.Builder
	for _, r := range sh {
		k := int(r) - 1
		if k < 0 || k > 3 {
			b.WriteRune(r)
			continue
		}
		v := votes[k]
		if k == 1 {
			v = votes[0]
		}
		// The usual style wins unless two dates or more say otherwise: all
		// numbers are padded (2006-01-02, 09:30), a day beside a month name
		// and Chinese dates are not (4 March 2025, 2025年3月4日). One odd date does not set the house style.
		usual := 1
		if k == 1 && !strings.ContainsRune(sh, 1) || k <= 1 && strings.Contains(sh, "年") {
			usual = 0 // 4 March 2025, 2025年3月4日
		}
		if k == 2 || k == 3 {
			usual = 1
		}
		padded := usual == 1
		if other := 1 - usual; v[other] > v[usual] && v[other] >= 2 {
			padded = other == 1
		}
		b.WriteString([4][2]string{{"1", "01"}, {"2", "02"}, {"H", "15"}, {"-07:00", "Z07:00"}}[k][b2i(padded)])
	}
	return b.String()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// shapeOf replaces the parts of a layout whose padding a date may not
// show with placeholders: \x01 month, \x02 day, \x03 hour, \x04 a zone with
// a colon (Z07:00 and -07:00 write the same for any zone but UTC).
func shapeOf(layout string) string {
	var b strings.Builder
	for i := 0; i < len(layout); {
		rest := layout[i:]
		switch {
		case strings.HasPrefix(rest, "2006"), strings.HasPrefix(rest, "-0700"), strings.HasPrefix(rest, "04"),
			strings.HasPrefix(rest, "05"), strings.HasPrefix(rest, ".000"):
			n := 2
			switch {
			case strings.HasPrefix(rest, "2006"), strings.HasPrefix(rest, ".000"):
				n = 4
			case strings.HasPrefix(rest, "-0700"):
				n = 5
			}
			b.WriteString(rest[:n])
			i += n
		case strings.HasPrefix(rest, "Z07:00"):
			b.WriteByte(4)
			i += 6
		case strings.HasPrefix(rest, "-07:00"):
			b.WriteByte(4)
			i += 6
		case strings.HasPrefix(rest, "01"):
			b.WriteByte(1)
			i += 2
		case strings.HasPrefix(rest, "02"):
			b.WriteByte(2)
			i += 2
		case strings.HasPrefix(rest, "15"):
			b.WriteByte(3)
			i += 2
		case rest[0] == '1':
			b.WriteByte(1)
			i++
		case rest[0] == '2':
			b.WriteByte(2)
			i++
		case rest[0] == 'H':
			b.WriteByte(3)
			i++
		default:
			b.WriteByte(rest[0])
			i++
		}
	}
	return b.String()
}

// lostParts says what the rewrite drops or invents, "" when nothing.
func lostParts(d dates.Date, layout string) string {
	hasTime := strings.Contains(layout, "04")
	hasZone := strings.Contains(layout, "07") || strings.Contains(layout, "MST")
	switch {
	case d.HasTime && !hasTime:
		return "drops the time of day"
	case !d.HasTime && hasTime:
		return "adds a time of day the article does not give"
	case d.HasSeconds && d.Second != 0 && !strings.Contains(layout, "05"):
		return "drops the seconds"
	case d.Zone != nil && !hasZone:
		return "drops the time zone"
	case d.Zone == nil && hasZone:
		return "adds a time zone the article does not give"
	}
	return ""
}

// sameDate reports whether b reads as the same date and time as a, in the
// parts both give.
func sameDate(a, b dates.Date) bool {
	if a.Year != b.Year || a.Month != b.Month || a.Day != b.Day {
		return false
	}
	if a.HasTime && b.HasTime && (a.Hour != b.Hour || a.Minute != b.Minute) {
		return false
	}
	if a.HasSeconds && b.HasSeconds && a.Second != b.Second {
		return false
	}
	if a.Zone != nil && b.Zone != nil && !a.Time().Equal(b.Time()) {
		return false
	}
	return true
}

// format writes d in layout, which may hold the parser's two tokens that
// Go's time.Format lacks: "H" (an unpadded 24-hour hour) and "th" (an
// ordinal suffix after the day).
func format(d dates.Date, layout string) (string, bool) {
	t := d.Time()
	var b strings.Builder
	rest := layout
	for rest != "" {
		h := strings.Index(rest, "H:04")
		o := ordinalAt(rest)
		switch {
		case h >= 0 && (o < 0 || h < o):
			b.WriteString(t.Format(rest[:h]))
			b.WriteString(strconv.Itoa(d.Hour))
			rest = rest[h+1:]
		case o >= 0:
			b.WriteString(t.Format(rest[:o]))
			b.WriteString(ordinal(d.Day))
			rest = rest[o+2:]
		default:
			b.WriteString(t.Format(rest))
			rest = ""
		}
	}
	out := b.String()
	return out, utf8.ValidString(out) && out != ""
}

// ordinalAt finds "th" right after a day number in a layout ("2th", "02th").
func ordinalAt(layout string) int {
	for i := 1; i+1 < len(layout); i++ {
		if layout[i] == 't' && layout[i+1] == 'h' && layout[i-1] == '2' {
			return i
		}
	}
	return -1
}

func ordinal(day int) string {
	switch {
	case day%100 >= 11 && day%100 <= 13:
		return "th"
	case day%10 == 1:
		return "st"
	case day%10 == 2:
		return "nd"
	case day%10 == 3:
		return "rd"
	}
	return "th"
}

// majorityOK returns the most common key, and false when there is none or
// a tie at the top: with no clear house style there is nothing to conform to.
func majorityOK(counts map[string]int) (string, bool) {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) == 0 || len(keys) > 1 && counts[keys[0]] == counts[keys[1]] {
		return "", false
	}
	return keys[0], true
}

// withGap gives a configured label the space the article puts after its own.
func withGap(label, written string) string {
	if strings.HasSuffix(written, " ") {
		return label + " "
	}
	return label
}

func hasCJK(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && r <= 0x9FFF || r >= 0xFF00 && r <= 0xFFEF {
			return true
		}
	}
	return false
}
