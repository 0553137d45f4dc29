//go:build !unix

package linttest

// cpuTime is not measured here; the metric reads 0.
func cpuTime() int64 { return 0 }
