package main

import (
	"math"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{5, 5, 1}, 5},
		{nil, math.NaN()},
	} {
		in := append([]float64(nil), tc.in...)
		got := median(in)
		if !same(got, tc.want) {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
		for i := range in {
			if in[i] != tc.in[i] {
				t.Errorf("median(%v) reordered its input to %v", tc.in, in)
				break
			}
		}
	}
}

func TestSummarize(t *testing.T) {
	s := summarize([]sample{
		{user: 1500 * time.Millisecond, sys: 500 * time.Millisecond, wall: 3 * time.Second, peakRSS: 300 << 20},
		{user: 1 * time.Second, sys: 200 * time.Millisecond, wall: 9 * time.Second, peakRSS: 100 << 20},
		{user: 4 * time.Second, sys: 1 * time.Second, wall: 2 * time.Second, peakRSS: 200 << 20},
	})
	want := summary{n: 3, cpu: 2, wall: 3, peakRSS: 200 << 20, cpuMin: 1.2, cpuMax: 5}
	if s != want {
		t.Errorf("summarize = %+v, want %+v", s, want)
	}
	if got := cpuRange(s); got != "1.20-5.00" {
		t.Errorf("cpuRange = %q, want 1.20-5.00", got)
	}
	if got := cpuRange(summarize(nil)); got != "-" {
		t.Errorf("cpuRange of no runs = %q, want -", got)
	}
}

func TestRatesAndGrowth(t *testing.T) {
	for _, tc := range []struct {
		name                       string
		small, large               summary
		smallBytes, largeBytes     int64
		smallRates                 rates
		rssPerAddedByte, cpuChange float64
	}{
		{
			name:  "memory grows with the text, CPU linear",
			small: summary{cpu: 0.5, peakRSS: 60 << 20}, large: summary{cpu: 5, peakRSS: 600 << 20},
			smallBytes: 20 << 20, largeBytes: 200 << 20,
			smallRates:      rates{mbPerCPUSecond: 40, cpuMsPerMB: 25, peakPerByte: 3},
			rssPerAddedByte: 3, cpuChange: 0,
		},
		{
			name:  "flat memory, CPU per MB 10 % up",
			small: summary{cpu: 1, peakRSS: 100 << 20}, large: summary{cpu: 11, peakRSS: 145 << 20},
			smallBytes: 20 << 20, largeBytes: 200 << 20,
			smallRates:      rates{mbPerCPUSecond: 20, cpuMsPerMB: 50, peakPerByte: 5},
			rssPerAddedByte: 0.25, cpuChange: 0.1,
		},
		{
			name:  "less memory at scale: a negative figure, not a missing one",
			small: summary{cpu: 2, peakRSS: 200 << 20}, large: summary{cpu: 8, peakRSS: 180 << 20},
			smallBytes: 10 << 20, largeBytes: 50 << 20,
			smallRates:      rates{mbPerCPUSecond: 5, cpuMsPerMB: 200, peakPerByte: 20},
			rssPerAddedByte: -0.5, cpuChange: -0.2,
		},
		{
			name:  "no RSS known (not Linux)",
			small: summary{cpu: 1}, large: summary{cpu: 10},
			smallBytes: 1 << 20, largeBytes: 10 << 20,
			smallRates:      rates{mbPerCPUSecond: 1, cpuMsPerMB: 1000, peakPerByte: 0},
			rssPerAddedByte: 0, cpuChange: 0,
		},
		{
			name:  "no CPU measured: missing figures",
			small: summary{cpu: 0, peakRSS: 1 << 20}, large: summary{cpu: 0, peakRSS: 2 << 20},
			smallBytes: 1 << 20, largeBytes: 2 << 20,
			smallRates:      rates{mbPerCPUSecond: math.NaN(), cpuMsPerMB: 0, peakPerByte: 1},
			rssPerAddedByte: 1, cpuChange: math.NaN(),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ratesOf(tc.small, tc.smallBytes)
			if !same(r.mbPerCPUSecond, tc.smallRates.mbPerCPUSecond) || !same(r.cpuMsPerMB, tc.smallRates.cpuMsPerMB) ||
				!same(r.peakPerByte, tc.smallRates.peakPerByte) {
				t.Errorf("ratesOf = %+v, want %+v", r, tc.smallRates)
			}
			rss, cpu := growth(tc.small, tc.large, tc.smallBytes, tc.largeBytes)
			if !same(rss, tc.rssPerAddedByte) || !same(cpu, tc.cpuChange) {
				t.Errorf("growth = %v RSS per added byte, %v CPU per MB change; want %v, %v", rss, cpu, tc.rssPerAddedByte, tc.cpuChange)
			}
		})
	}
}

func TestRatio(t *testing.T) {
	for _, tc := range []struct{ a, b, want float64 }{
		{6, 3, 2}, {1, 4, 0.25}, {0, 5, 0}, {5, 0, math.NaN()}, {math.NaN(), 2, math.NaN()}, {2, math.NaN(), math.NaN()},
	} {
		if got := ratio(tc.a, tc.b); !same(got, tc.want) {
			t.Errorf("ratio(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestParseLoadAvg(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want [3]float64
		ok   bool
	}{
		{"1.43 1.65 2.50 6/141 4923\n", [3]float64{1.43, 1.65, 2.5}, true},
		{"22.00 9.1 0.05", [3]float64{22, 9.1, 0.05}, true},
		{"1.43 1.65", [3]float64{}, false},
		{"1.43 x 2.50 6/141 4923", [3]float64{}, false},
		{"", [3]float64{}, false},
	} {
		got, err := parseLoadAvg(tc.in)
		if (err == nil) != tc.ok || (tc.ok && got != tc.want) {
			t.Errorf("parseLoadAvg(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestFormatting(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{sizeLabel(20 << 20), "20MB"},
		{sizeLabel(200 << 20), "200MB"},
		{sizeLabel(1 << 30), "1GB"},
		{sizeLabel(1536 << 10), "1536KB"},
		{sizeLabel(1000), "1000B"},
		{num(1.234, 2), "1.23"},
		{num(math.NaN(), 2), "-"},
		{num(math.Inf(1), 1), "-"},
		{pct(0.123), "+12.3%"},
		{pct(-0.05), "-5.0%"},
		{pct(math.NaN()), "-"},
		{meets(1, true), "yes"},
		{meets(1, false), "no"},
		{meets(math.NaN(), false), "-"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// same compares floats closely, NaN equal to NaN.
func same(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

// TestPairedRatio: each round's runs are compared with each other, not
// with the other rounds' (a loaded round slows both), and rounds that do
// not pair up give no figure.
func TestPairedRatio(t *testing.T) {
	cpu := func(secs ...float64) []sample {
		var out []sample
		for _, s := range secs {
			out = append(out, sample{user: time.Duration(s * float64(time.Second))})
		}
		return out
	}
	// rounds at loads that double the times: each round says 1.5
	if got := pairedRatio(cpu(1.5, 3, 6), cpu(1, 2, 4)); math.Abs(got-1.5) > 1e-9 {
		t.Errorf("pairedRatio = %v, want 1.5", got)
	}
	if got := pairedRatio(cpu(3, 2, 9), cpu(1, 2, 3)); math.Abs(got-3) > 1e-9 {
		t.Errorf("pairedRatio = %v, want 3, the median of 3, 1 and 3 (the medians' ratio is 1.5)", got)
	}
	for _, bad := range [][2][]sample{{nil, nil}, {cpu(1, 2), cpu(1)}} {
		if got := pairedRatio(bad[0], bad[1]); !math.IsNaN(got) {
			t.Errorf("pairedRatio of %d and %d runs = %v, want NaN", len(bad[0]), len(bad[1]), got)
		}
	}
}
