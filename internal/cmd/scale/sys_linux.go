package main

import (
	"os"
	"syscall"
	"time"
)

// usage reads a finished child's CPU time and peak resident set from its
// rusage, which wait4 fills for that child alone.
func usage(ps *os.ProcessState) sample {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return fromRusage(ru)
	}
	return sample{user: ps.UserTime(), sys: ps.SystemTime()}
}

// fromRusage converts Linux's rusage, where ru_maxrss is in KiB.
func fromRusage(ru *syscall.Rusage) sample {
	return sample{
		user:    time.Duration(ru.Utime.Nano()),
		sys:     time.Duration(ru.Stime.Nano()),
		peakRSS: ru.Maxrss << 10,
	}
}

// loadAvg returns the 1, 5 and 15-minute load averages.
func loadAvg() ([3]float64, error) {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return [3]float64{}, err
	}
	return parseLoadAvg(string(b))
}
