package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/report"
)

// manyFindings is a report of n warnings on one file, then one error at
// its end: the error must survive a cap that cuts the warnings.
func manyFindings(t *testing.T, n int) *report.Report {
	t.Helper()
	src := []byte(strings.Repeat("The the ferry.\n", n+1)) // one a line: SARIF fingerprints hash the line
	doc, err := parse.Parse("a.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	res := &engine.Result{Files: []*engine.FileResult{{Path: "a.txt", Summary: doc.Summary}}}
	f := res.Files[0]
	for i := range n {
		f.Diagnostics = append(f.Diagnostics, lint.Diagnostic{Path: "a.txt", Rule: "repeated-word", Category: lint.CategoryTypography, Severity: lint.SeverityWarning, Message: "doubled word", Start: 15 * i, End: 15*i + 7})
	}
	f.Diagnostics = append(f.Diagnostics, lint.Diagnostic{Path: "a.txt", Rule: "house-style", Category: lint.CategoryTypography, Severity: lint.SeverityError, Message: "the last one, an error", Start: 15 * n, End: 15*n + 3})
	rep := report.New(report.Tool{Name: "copydesk", Version: "test"}, res)
	rep.Rules = sampleRules(t).Rules()
	return rep
}

func TestSARIFCappedForCodeScanning(t *testing.T) {
	rep := manyFindings(t, report.SARIFMaxResults+2)
	if got := report.SARIFCapped(rep); got != 3 {
		t.Fatalf("SARIFCapped = %d, want 3", got)
	}
	var out bytes.Buffer
	if err := (report.SARIF{}).Format(&out, rep); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Level   string `json:"level"`
				Message struct{ Text string }
			} `json:"results"`
			Invocations []struct {
				Notes []struct {
					Level   string `json:"level"`
					Message struct{ Text string }
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != report.SARIFMaxResults {
		t.Fatalf("%d results, want %d", len(run.Results), report.SARIFMaxResults)
	}
	if run.Results[0].Level != "error" || run.Results[0].Message.Text != "the last one, an error" {
		t.Errorf("first result = %+v, want the error first", run.Results[0])
	}
	notes := run.Invocations[0].Notes
	if len(notes) != 1 || !strings.Contains(notes[0].Message.Text, "25000 most severe") || !strings.Contains(notes[0].Message.Text, "3 left out") {
		t.Errorf("notifications = %+v, want one saying 3 were left out", notes)
	}
	small := manyFindings(t, 10)
	if report.SARIFCapped(small) != 0 {
		t.Errorf("11 findings capped")
	}
}

func TestJSONStatistics(t *testing.T) {
	rep := manyFindings(t, 4)
	f, err := report.ByName("json", report.Options{Statistics: true})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := f.Format(&out, rep); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Files      int
		Statistics []struct {
			Rule    string
			Count   int
			Fixable string
		}
		Summary struct{ Problems int }
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if got.Files != 1 || got.Summary.Problems != 5 || len(got.Statistics) != 2 ||
		got.Statistics[0].Rule != "repeated-word" || got.Statistics[0].Count != 4 || got.Statistics[1].Count != 1 {
		t.Errorf("statistics = %+v\n%s", got, out.String())
	}
	if _, err := report.ByName("sarif", report.Options{Statistics: true}); err == nil {
		t.Error("--statistics with sarif accepted; want an error naming text and json")
	}
}
