//go:build !unix

// Package cputime reads the CPU time the process has used, for benchmarks
// that report it: on a shared machine it varies far less than the wall time.
package cputime

import "time"

// Used is not measured on this platform: benchmarks read 0.
func Used() time.Duration { return 0 }
