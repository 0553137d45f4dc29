//go:build !unix

package styles

// cpuTime is not measured here; the metric reads 0.
func cpuTime() float64 { return 0 }
