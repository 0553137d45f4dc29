package dates

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in                 string
		y, m, d, hh, mm    int
		layout             string
		ambiguous, invalid bool
	}{
		{in: "2025-03-14", y: 2025, m: 3, d: 14, layout: "2006-01-02"},
		{in: "2025-03-14 09:30", y: 2025, m: 3, d: 14, hh: 9, mm: 30, layout: "2006-01-02 15:04"},
		{in: "2025-03-14T09:30:00+08:00", y: 2025, m: 3, d: 14, hh: 9, mm: 30, layout: "2006-01-02T15:04:05-07:00"},
		{in: "2026-07-16 05:08:11 +0000", y: 2026, m: 7, d: 16, hh: 5, mm: 8, layout: "2006-01-02 15:04:05 -0700"},
		{in: "2024-4-09", y: 2024, m: 4, d: 9, layout: "2006-1-02"},
		{in: "Mar 14, 2025", y: 2025, m: 3, d: 14, layout: "Jan 02, 2006"},
		{in: "March 4th, 2025", y: 2025, m: 3, d: 4, layout: "January 2th, 2006"},
		{in: "14 March 2025", y: 2025, m: 3, d: 14, layout: "02 January 2006"},
		{in: "8 Nov 2019", y: 2019, m: 11, d: 8, layout: "2 Jan 2006"},
		{in: "15:04 10 Nov 2009", y: 2009, m: 11, d: 10, hh: 15, mm: 4, layout: "15:04 02 Jan 2006"},
		{in: "2025年3月14日", y: 2025, m: 3, d: 14, layout: "2006年1月2日"},
		{in: "2025/03/14", y: 2025, m: 3, d: 14, layout: "2006/01/02"},
		{in: "14.03.2025", y: 2025, m: 3, d: 14, layout: "02.01.2006"},
		{in: "03/04/2025", y: 2025, m: 3, d: 4, layout: "01/02/2006", ambiguous: true},
		{in: "13/04/2025", y: 2025, m: 4, d: 13, layout: "02/01/2006"},
		{in: "Friday, March 14, 2025", y: 2025, m: 3, d: 14, layout: "Monday, January 02, 2006"},
		{in: "Friday, March 12, 2025", y: 2025, m: 3, d: 12, layout: "Monday, January 02, 2006", invalid: true},
		{in: "2025-02-30", y: 2025, m: 2, d: 30, layout: "2006-01-02", invalid: true},
		{in: "31 April 2025", y: 2025, m: 4, d: 31, layout: "02 January 2006", invalid: true},
		{in: "2025-03-14 25:10", y: 2025, m: 3, d: 14, hh: 25, mm: 10, layout: "2006-01-02 15:04", invalid: true},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in, OrderUnknown)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if d.Year != tt.y || d.Month != tt.m || d.Day != tt.d || d.Hour != tt.hh || d.Minute != tt.mm {
			t.Errorf("Parse(%q) = %d-%d-%d %d:%d, want %d-%d-%d %d:%d", tt.in, d.Year, d.Month, d.Day, d.Hour, d.Minute, tt.y, tt.m, tt.d, tt.hh, tt.mm)
		}
		if tt.layout != "" && d.Layout != tt.layout {
			t.Errorf("Parse(%q).Layout = %q, want %q", tt.in, d.Layout, tt.layout)
		}
		if d.Ambiguous != tt.ambiguous {
			t.Errorf("Parse(%q).Ambiguous = %v", tt.in, d.Ambiguous)
		}
		if (d.Err != nil) != tt.invalid {
			t.Errorf("Parse(%q).Err = %v, want invalid=%v", tt.in, d.Err, tt.invalid)
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{"", "hello", "2025", "March", "14 Marchx 2025", "2025-03", "Date: 2025-03-14", "12:30", "1,000,000", "2025-03-14 and more"} {
		if d, err := Parse(in, OrderUnknown); !errors.Is(err, ErrNotADate) {
			t.Errorf("Parse(%q) = %+v, %v; want ErrNotADate", in, d, err)
		}
	}
}

func TestOrder(t *testing.T) {
	d, _ := Parse("03/04/2025", OrderDayFirst)
	if d.Day != 3 || d.Month != 4 || d.Ambiguous {
		t.Errorf("day-first: got %+v", d)
	}
	d, _ = Parse("03/04/2025", OrderMonthFirst)
	if d.Day != 4 || d.Month != 3 || d.Ambiguous {
		t.Errorf("month-first: got %+v", d)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2025-03-14 09:30", "Mar 14, 2025", "2025年3月14日", "15:04 10 Nov 2009", "Fri, 14 Mar 2025", "2025-03-14T09:30:00.123+08:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s, OrderUnknown)
		if err == nil && d.Err == nil {
			_ = d.Time()
		}
	})
}
