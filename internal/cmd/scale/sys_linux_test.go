package main

import (
	"syscall"
	"testing"
	"time"
)

func TestFromRusage(t *testing.T) {
	for _, tc := range []struct {
		ru   syscall.Rusage
		want sample
	}{
		{
			syscall.Rusage{Utime: syscall.Timeval{Sec: 2, Usec: 500000}, Stime: syscall.Timeval{Usec: 250000}, Maxrss: 2048},
			sample{user: 2500 * time.Millisecond, sys: 250 * time.Millisecond, peakRSS: 2 << 20},
		},
		{
			syscall.Rusage{Utime: syscall.Timeval{Sec: 31}, Stime: syscall.Timeval{Sec: 4, Usec: 1}, Maxrss: 1600000},
			sample{user: 31 * time.Second, sys: 4*time.Second + time.Microsecond, peakRSS: 1600000 * 1024},
		},
		{syscall.Rusage{}, sample{}},
	} {
		got := fromRusage(&tc.ru)
		if got.user != tc.want.user || got.sys != tc.want.sys || got.peakRSS != tc.want.peakRSS {
			t.Errorf("fromRusage(utime %v, stime %v, maxrss %d) = user %v sys %v peak %d; want %v %v %d",
				tc.ru.Utime, tc.ru.Stime, tc.ru.Maxrss, got.user, got.sys, got.peakRSS, tc.want.user, tc.want.sys, tc.want.peakRSS)
		}
		if got.cpu() != tc.want.user+tc.want.sys {
			t.Errorf("cpu() = %v, want user + sys", got.cpu())
		}
	}
}
