//go:build !unix

package main

// cpuTime is not measured here; cpu-s/op reads 0.
func cpuTime() float64 { return 0 }
