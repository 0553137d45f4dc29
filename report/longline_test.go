package report_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/report"
)

// longLineReport is a report on one line of size bytes with n findings
// spread along it.
func longLineReport(tb testing.TB, text string, size, n int) (*report.Report, []byte) {
	tb.Helper()
	src := []byte("Harbour notes\n\n" + strings.Repeat(text, max(1, size/max(1, len(text)))) + "\n")
	doc, err := parse.Parse("long.txt", src)
	if err != nil {
		tb.Fatal(err)
	}
	var diags []lint.Diagnostic
	for i := range n {
		off := 15 + (len(src)-16)*(2*i+1)/(2*n)
		for off > 0 && !utf8.RuneStart(src[off]) {
			off--
		}
		diags = append(diags, lint.Diagnostic{Path: "long.txt", Rule: "repeated-word", Severity: lint.SeverityWarning,
			Message: "doubled word", Start: off, End: min(off+7, len(src)-1)})
	}
	res := &engine.Result{Files: []*engine.FileResult{{Path: "long.txt", Summary: doc.Summary, Diagnostics: diags}}}
	return report.New(report.Tool{Name: "copydesk", Version: "test"}, res), src
}

// BenchmarkTextLongLine formats two findings on lines of 1, 10 and 50 MB
// (the default text output took 91 s at 50 MB): the time per byte must not
// grow with the line, as JSON's does not.
func BenchmarkTextLongLine(b *testing.B) {
	for _, mb := range []int{1, 10, 50} {
		for _, f := range []struct {
			name string
			fmt  report.Formatter
		}{{"text", report.Text{}}, {"json", report.JSON{}}} {
			b.Run(fmt.Sprintf("%s/%dMB", f.name, mb), func(b *testing.B) {
				rep, src := longLineReport(b, "The council met on Tuesday to discuss the ferry timetable. ", mb<<20, 2)
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					if err := f.fmt.Format(io.Discard, rep); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// FuzzTextLongLine: any text repeated into a long line, with findings
// along it, formats without panic, and each source excerpt stays within
// the width the formatter promises.
func FuzzTextLongLine(f *testing.F) {
	f.Add("The council met on Tuesday. ", 4000, 3)
	f.Add("市议会周二召开会议，讨论渡轮时刻表。", 20000, 5)
	f.Add("a\tb\u200bc\u00a0 ", 100000, 2)
	f.Fuzz(func(t *testing.T, text string, size, n int) {
		if text == "" || !utf8.ValidString(text) || strings.ContainsAny(text, "\n\r\x00") {
			return
		}
		size, n = min(max(size, 1), 1<<20), min(max(n, 1), 50)
		rep, _ := longLineReport(t, text, size, n)
		var out bytes.Buffer
		if err := (report.Text{}).Format(&out, rep); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if _, excerpt, ok := strings.Cut(line, " | "); ok && utf8.RuneCountInString(excerpt) > 102 {
				t.Fatalf("excerpt of %d characters: %.200q", utf8.RuneCountInString(excerpt), excerpt)
			}
		}
	})
}
