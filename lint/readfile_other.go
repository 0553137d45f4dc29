//go:build !(linux || darwin)

package lint

import "os"

func readFile(path string) ([]byte, error) { return os.ReadFile(path) }
