package eval

import (
	"bytes"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/linkbroken"
	"github.com/copydesk/copydesk/rules/navlinkbroken"
	"github.com/copydesk/copydesk/rules/navlinkmismatch"
	"github.com/copydesk/copydesk/rules/navlinkorder"
)

// TestMeasureLinks plants links defects in a small archive and checks that every rule meets
// its recall and precision targets and that the fixes restore the archive.
func TestMeasureLinks(t *testing.T) {
	reg, err := lint.NewRegistry(append(lint.Builtin(), navlinkbroken.Rule, navlinkmismatch.Rule, navlinkorder.Rule, linkbroken.Rule)...)
	if err != nil {
		t.Fatal(err)
	}
	res, err := New(reg).MeasureLinks(RoundTripOptions{Bytes: 600 << 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	res.Print(&out, true)
	t.Log("\n" + out.String())
	for _, r := range res.Rules {
		if r.Injected == 0 {
			t.Errorf("%s: nothing planted", r.Rule)
		}
	}
	if f := res.Failures(); len(f) > 0 {
		t.Errorf("targets missed:\n%s", strings.Join(f, "\n"))
	}
}
