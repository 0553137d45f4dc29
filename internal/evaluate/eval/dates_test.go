package eval

import (
	"bytes"
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules"
)

// dateRegistry is the full rule set, the date rules included.
func dateRegistry(t testing.TB) *lint.Registry {
	t.Helper()
	return rules.Registry()
}

// TestMeasureDates: every date rule meets its targets on planted defects, and each kind of
// defect is planted.
func TestMeasureDates(t *testing.T) {
	size := int64(400_000)
	if testing.Short() {
		size = 100_000
	}
	dr, err := New(dateRegistry(t)).MeasureDates(RoundTripOptions{Bytes: size, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	dr.Print(&out, true)
	t.Log("\n" + out.String())
	for _, f := range dr.Failures() {
		t.Error(f)
	}
	if len(dr.Kinds) != len(dateInjections) {
		t.Errorf("%d kinds planted, want %d", len(dr.Kinds), len(dateInjections))
	}
	for _, r := range dr.Rules {
		if r.Injected == 0 {
			t.Errorf("%s: nothing planted", r.Rule)
		}
	}
	if dr.CleanFindings != 0 {
		t.Errorf("%d findings on the clean archive", dr.CleanFindings)
	}
}

// TestMeasureDatesUnregistered: without the date rules the table says so and nothing fails.
func TestMeasureDatesUnregistered(t *testing.T) {
	reg, err := lint.NewRegistry(lint.Builtin()...)
	if err != nil {
		t.Fatal(err)
	}
	dr, err := New(reg).MeasureDates(RoundTripOptions{Bytes: 20_000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(dr.Failures()) != 0 {
		t.Errorf("failures without the rules: %v", dr.Failures())
	}
	var out bytes.Buffer
	dr.Print(&out, false)
	if !bytes.Contains(out.Bytes(), []byte("date-missing  not registered")) && !bytes.Contains(out.Bytes(), []byte("not registered")) {
		t.Errorf("table does not say the rules are not registered:\n%s", out.String())
	}
}
