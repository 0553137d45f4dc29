package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/rules"
)

// TestRunDates: the dates section measures the date rules and, with -strict, passes.
func TestRunDates(t *testing.T) {
	reg := rules.Registry()
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
