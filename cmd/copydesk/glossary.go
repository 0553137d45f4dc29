package main

import (
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"
)

// glossaryEntry is one name of a glossary `copydesk names --write-glossary`
// writes, in the form config's names-files read.
type glossaryEntry struct {
	Name     string   `yaml:"name"`
	Variants []string `yaml:"variants,omitempty"`
}

// glossaryEntries are the names the name rules found spelled several ways,
// each with the variants found beside it; findings within one article and
// in front matter name no spelling to list.
func glossaryEntries(groups []*nameGroup) []glossaryEntry {
	var entries []glossaryEntry
	for _, g := range groups {
		if g.kind != "name" {
			continue
		}
		e := glossaryEntry{Name: g.name}
		for _, v := range g.variants {
			e.Variants = append(e.Variants, v.text)
		}
		entries = append(entries, e)
	}
	return entries
}

// writeGlossary writes names as a glossary a person can review and commit.
func writeGlossary(w io.Writer, entries []glossaryEntry) error {
	out := struct {
		Names []glossaryEntry `yaml:"names"`
	}{Names: entries}
	if out.Names == nil {
		out.Names = []glossaryEntry{}
	}
	if _, err := io.WriteString(w, "# Written by copydesk names: each name the archive writes one way, with the\n# variants found beside it. Review before committing.\n"); err != nil {
		return fmt.Errorf("write glossary: %w", err)
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write glossary: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("write glossary: %w", err)
	}
	return nil
}
