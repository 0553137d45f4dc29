package dateformat

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/copydesk/copydesk/dates"
)

// TestFormatRoundTrip: a date rewritten in any layout the parser reports
// reads back as the same date and time, the same instant when both carry
// a zone; this is what makes the safe fix safe.
func TestFormatRoundTrip(t *testing.T) {
	samples := []string{
		"2025-03-14", "2025-3-4", "2025/03/14", "14.03.2025", "Mar 14, 2025", "March 4th, 2025", "4 March 2025",
		"14th Mar. 2025", "2025年3月14日", "2025-03-14 09:30", "2025-03-14 9:41:00 +0000", "2025-03-14T09:30:00+08:00",
		"2025-03-14T09:30:00Z", "Friday, March 14, 2025", "15:04 10 Nov 2009", "2025-03-14 15时04分",
	}
	var layouts []string
	for _, s := range samples {
		d, err := dates.Parse(s, dates.OrderUnknown)
		if err != nil || d.Err != nil {
			t.Fatalf("%q: %v %v", s, err, d.Err)
		}
		layouts = append(layouts, d.Layout)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		tm := time.Date(1990+r.IntN(60), time.Month(1+r.IntN(12)), 1+r.IntN(31), r.IntN(24), r.IntN(60), r.IntN(60), 0, time.FixedZone("", 3600*(r.IntN(25)-12)))
		src := tm.Format("2006-01-02T15:04:05-07:00")
		d, err := dates.Parse(src, dates.OrderUnknown)
		if err != nil || d.Err != nil {
			t.Fatalf("%q: %v %v", src, err, d.Err)
		}
		for _, layout := range layouts {
			out, ok := format(d, layout)
			if !ok {
				t.Fatalf("%s in %q: no output", src, layout)
			}
			back, err := dates.Parse(out, dates.OrderDayFirst)
			if err != nil || back.Err != nil {
				t.Fatalf("%s in %q = %q does not read back: %v %v", src, layout, out, err, back.Err)
			}
			if again, _ := format(back, layout); again != out {
				t.Errorf("%s in %q = %q reads back as %q", src, layout, out, again)
			}
			if !sameDate(d, back) {
				t.Errorf("%s in %q = %q reads back as another date", src, layout, out)
			}
			if lostParts(d, layout) == "" && !back.Time().Equal(d.Time()) {
				t.Errorf("%s in %q = %q: a rewrite called lossless changes the instant", src, layout, out)
			}
		}
	}
}
