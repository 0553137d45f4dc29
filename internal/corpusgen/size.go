package corpusgen

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseSize reads sizes such as 20MB, 500KB, 1GB, 1.5MB, 4096 or 4096B; K, M and G stand for 1024,
// 1024² and 1024³ bytes, as Options.Bytes is usually given.
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(t, "IB")
	t = strings.TrimSuffix(t, "B")
	mult := 1.0
	if n := len(t); n > 0 {
		switch t[n-1] {
		case 'K':
			mult = 1 << 10
		case 'M':
			mult = 1 << 20
		case 'G':
			mult = 1 << 30
		}
		if mult != 1 {
			t = strings.TrimSpace(t[:n-1])
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v <= 0 || v*mult > 1<<40 {
		return 0, fmt.Errorf("bad size %q: want a positive size such as 500KB, 20MB or 1GB", s)
	}
	return int64(v * mult), nil
}
