// Package config finds, parses and validates .copydesk.yaml: which files
// are articles, each rule's severity and options per path, the names
// glossary, where dates come from, and house styles.
package config
