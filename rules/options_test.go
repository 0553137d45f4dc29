package rules

import (
	"reflect"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/ruledoc"
)

// TestOptionDefaultsRoundTrip: every option a rule declares is in the
// rule reference with its default, and the reference's example config,
// read back by the configuration, sets each option to that default. The
// default is written once, in the declaration: this holds the docs and
// the decoder to it.
func TestOptionDefaultsRoundTrip(t *testing.T) {
	reg := Registry()
	doc := ruledoc.Markdown(reg.Rules())
	n := 0
	for _, r := range reg.Rules() {
		if len(r.Options) == 0 {
			continue
		}
		_, section, ok := strings.Cut(doc, "<a id=\""+r.ID+"\"></a>")
		section, _, _ = strings.Cut(section, "<a id=") // the rule's own section only
		_, block, ok2 := strings.Cut(section, "**Configure**\n\n```yaml\n")
		block, _, ok3 := strings.Cut(block, "```\n")
		if !ok || !ok2 || !ok3 {
			t.Fatalf("%s: no section with a Configure block in the rule reference", r.ID)
		}
		cfg, err := config.Parse([]byte(block), "rules.md", reg)
		if err != nil {
			t.Errorf("%s: the reference's example config does not load: %v\n%s", r.ID, err, block)
			continue
		}
		set := cfg.Rules[r.ID].Options
		for _, d := range r.Options {
			o := d.Spec()
			n++
			if !strings.Contains(section, "| `"+o.Name+"` |") {
				t.Errorf("%s: option %s is not in the reference's table", r.ID, o.Name)
			}
			if got, ok := set[o.Name]; !ok || !sameValue(got, o.Default) {
				t.Errorf("%s: option %s: the reference's config decodes to %#v, the declared default is %#v", r.ID, o.Name, got, o.Default)
			}
		}
		if len(set) != len(r.Options) {
			t.Errorf("%s: the reference's config sets %d options, the rule declares %d", r.ID, len(set), len(r.Options))
		}
	}
	if n == 0 {
		t.Fatal("no rule declares an option: the test checks nothing")
	}
	t.Logf("%d options", n)
}

// sameValue: equal, an empty list and a nil one alike (a rule reads both
// as no entries).
func sameValue(a, b any) bool {
	if x, ok := a.([]string); ok {
		if y, ok := b.([]string); ok && len(x) == 0 && len(y) == 0 {
			return true
		}
	}
	return reflect.DeepEqual(a, b)
}
