package main

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The targets of issue 12, "Archive scale".
const (
	targetRSSPerAddedByte = 0.5  // added peak RSS per added input byte, 20 MB to 200 MB
	targetCPUPerMBChange  = 0.15 // CPU per MB may grow this much, 20 MB to 200 MB
	targetMBPerCPUSecond  = 60   // whole program, every rule
	targetFixOverLint     = 2    // fix's CPU against lint's on the same corpus
	targetValeOverLint    = 18   // Vale's CPU against copydesk lint's
)

// mb is the unit of every "MB" printed: 2^20 bytes, as the generator counts.
const mb = 1 << 20

// A sample is what one child process cost.
type sample struct {
	user, sys, wall time.Duration
	peakRSS         int64   // bytes; 0 where the system does not say
	load1           float64 // one-minute load average as the run started; NaN unknown
	outBytes        int64   // bytes written on standard output
	exit            int
}

func (s sample) cpu() time.Duration { return s.user + s.sys }

// A summary is the medians of several runs of one command on one corpus.
// The median, not the mean, because on a shared machine a run that waited
// for a processor or a cold cache is an outlier on one side only.
type summary struct {
	n         int
	cpu, wall float64 // seconds
	peakRSS   float64 // bytes
	// cpuMin and cpuMax bound the runs' CPU seconds: two medians whose
	// ranges overlap may differ by the machine's noise alone.
	cpuMin, cpuMax float64
}

func summarize(runs []sample) summary {
	cpu := make([]float64, len(runs))
	wall := make([]float64, len(runs))
	rss := make([]float64, len(runs))
	for i, r := range runs {
		cpu[i] = r.cpu().Seconds()
		wall[i] = r.wall.Seconds()
		rss[i] = float64(r.peakRSS)
	}
	s := summary{n: len(runs), cpu: median(cpu), wall: median(wall), peakRSS: median(rss), cpuMin: math.NaN(), cpuMax: math.NaN()}
	if len(cpu) > 0 {
		s.cpuMin, s.cpuMax = slices.Min(cpu), slices.Max(cpu)
	}
	return s
}

// median returns the middle value, or the mean of the two middle values of
// an even count; NaN for none. xs is not reordered.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	h := len(s) / 2
	if len(s)%2 == 1 {
		return s[h]
	}
	return (s[h-1] + s[h]) / 2
}

// pairedRatio is the median over rounds of a's CPU against b's in the
// same round: runs of one round see the same load, which drifts between
// rounds more than the two commands differ. NaN when the rounds do not
// pair up.
func pairedRatio(a, b []sample) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return math.NaN()
	}
	rs := make([]float64, len(a))
	for i := range a {
		rs[i] = ratio(a[i].cpu().Seconds(), b[i].cpu().Seconds())
	}
	return median(rs)
}

// rates are a summary's figures per input size.
type rates struct {
	mbPerCPUSecond float64 // MB of input per CPU-second
	cpuMsPerMB     float64 // CPU milliseconds per MB of input
	peakPerByte    float64 // peak RSS bytes per input byte
}

func ratesOf(s summary, inBytes int64) rates {
	in := float64(inBytes)
	return rates{
		mbPerCPUSecond: ratio(in/mb, s.cpu),
		cpuMsPerMB:     ratio(1000*s.cpu, in/mb),
		peakPerByte:    ratio(s.peakRSS, in),
	}
}

// growth is what going from a small corpus to a large one costs: the peak
// RSS added per input byte added, and the relative change of CPU per MB
// (0.10 is 10 % more CPU per MB on the large corpus).
func growth(small, large summary, smallBytes, largeBytes int64) (rssPerAddedByte, cpuPerMBChange float64) {
	rssPerAddedByte = ratio(large.peakRSS-small.peakRSS, float64(largeBytes-smallBytes))
	perMB := func(s summary, n int64) float64 { return ratio(s.cpu, float64(n)/mb) }
	cpuPerMBChange = ratio(perMB(large, largeBytes), perMB(small, smallBytes)) - 1
	return rssPerAddedByte, cpuPerMBChange
}

// ratio is a/b, NaN when b is zero or either is NaN, so that a missing
// figure prints as missing rather than as infinity or zero.
func ratio(a, b float64) float64 {
	if b == 0 || math.IsNaN(a) || math.IsNaN(b) {
		return math.NaN()
	}
	return a / b
}

// parseLoadAvg reads the three load averages at the start of a
// /proc/loadavg line: "1.43 1.65 2.50 6/141 4923".
func parseLoadAvg(line string) ([3]float64, error) {
	var out [3]float64
	f := strings.Fields(line)
	if len(f) < 3 {
		return out, fmt.Errorf("read the load average from %q: want three numbers", line)
	}
	for i := range out {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return out, fmt.Errorf("read the load average from %q: %w", line, err)
		}
		out[i] = v
	}
	return out, nil
}

// sizeLabel names a size the way -sizes takes it: 20MB, 512KB, 1GB.
func sizeLabel(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + "GB"
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + "MB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + "KB"
	}
	return strconv.FormatInt(n, 10) + "B"
}

// num prints a figure with prec decimals, or "-" when it is missing.
func num(v float64, prec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "-"
	}
	return strconv.FormatFloat(v, 'f', prec, 64)
}

// pct prints a relative change as a signed percentage: +12.3%.
func pct(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "-"
	}
	return fmt.Sprintf("%+.1f%%", 100*v)
}

// meets says whether a figure meets its target: "yes", "no", or "-" when
// the figure is missing.
func meets(v float64, ok bool) string {
	switch {
	case math.IsNaN(v):
		return "-"
	case ok:
		return "yes"
	}
	return "no"
}
