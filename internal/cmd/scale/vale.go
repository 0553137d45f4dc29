package main

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// valeStyle is the regex-only style Vale runs for the speed comparison: a
// repetition rule and existence rules with raw patterns for what
// copydesk's mechanical rules find (doubled words, runs of spaces, space
// before punctuation, repeated punctuation, missing space after it, HTML
// entities, mojibake, invisible characters, odd spaces). It is not meant
// to agree with copydesk finding for finding (internal/evaluate/vale does
// that with real style packages); it gives Vale comparable work on the
// same articles.
//
//go:embed valestyle
var valeStyle embed.FS

// valeStyleName is the folder under valestyle/ that BasedOnStyles names.
const valeStyleName = "Mechanics"

// writeValeConfig writes the style and a .vale.ini applying it to every
// file into dir, and returns the .vale.ini's path and the style's rule count.
func writeValeConfig(dir string) (ini string, rules int, err error) {
	styles := filepath.Join(dir, "styles")
	err = fs.WalkDir(valeStyle, "valestyle", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		to := filepath.Join(styles, filepath.FromSlash(strings.TrimPrefix(p, "valestyle")))
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := valeStyle.ReadFile(p)
		if err != nil {
			return err
		}
		rules++
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		return "", 0, fmt.Errorf("write Vale's style: %w", err)
	}
	ini = filepath.Join(dir, ".vale.ini")
	text := fmt.Sprintf("StylesPath = %s\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = %s\n", styles, valeStyleName)
	if err := os.WriteFile(ini, []byte(text), 0o644); err != nil {
		return "", 0, fmt.Errorf("write Vale's config: %w", err)
	}
	return ini, rules, nil
}
