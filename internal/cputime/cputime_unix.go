//go:build unix

// Package cputime reads the CPU time the process has used, for benchmarks
// that report it: on a shared machine it varies far less than the wall time.
package cputime

import (
	"syscall"
	"time"
)

// Used is the process's user and system time so far, or 0 when it cannot
// be read.
func Used() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
