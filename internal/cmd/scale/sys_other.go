//go:build !linux

package main

import (
	"errors"
	"os"
)

// usage reads a finished child's CPU time; the peak resident set is left
// unknown, as rusage's ru_maxrss unit differs between systems.
func usage(ps *os.ProcessState) sample {
	return sample{user: ps.UserTime(), sys: ps.SystemTime()}
}

// loadAvg is only read on Linux.
func loadAvg() ([3]float64, error) {
	return [3]float64{}, errors.New("the load average is read from /proc/loadavg, on Linux only")
}
