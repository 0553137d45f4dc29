package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules"
	"github.com/copydesk/copydesk/rules/dateformat"
	"github.com/copydesk/copydesk/rules/datefuture"
	"github.com/copydesk/copydesk/rules/dateinvalid"
	"github.com/copydesk/copydesk/rules/datemissing"
	"github.com/copydesk/copydesk/rules/dateorder"
	"github.com/copydesk/copydesk/rules/titlemissing"
)

// TestRunDates: the dates section measures the date rules and, with -strict, passes.
func TestRunDates(t *testing.T) {
	all := rules.All()
	have := map[string]bool{}
	for _, r := range all {
		have[r.ID] = true
	}
	for _, r := range []*lint.Rule{datemissing.Rule, dateinvalid.Rule, dateformat.Rule, datefuture.Rule, dateorder.Rule, titlemissing.Rule} {
		if !have[r.ID] {
			all = append(all, r)
		}
	}
	reg, err := lint.NewRegistry(all...)
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := runWith(reg, []string{"-only", "dates", "-bytes", "150000", "-strict"}, &out, &errb); code != 0 {
		t.Errorf("exit %d, want 0\n%s%s", code, out.String(), errb.String())
	}
	for _, want := range []string{"Dates and titles:", "date-missing", "date-format", "title-missing", "100.0%"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
