// Package lint is copydesk's rule API, in the manner of go/analysis: a Rule
// is a plain value with its documentation as data, a Pass is what it sees
// of one document, an Input is work its rules share on a document, a
// CorpusPass what a cross-article rule sees of them all, and a Diagnostic
// with its Fix is what it reports.
//
// The stages around it are packages of their own, in the order data flows:
// read (bytes, encodings, what is an article), parse (the document model of
// package document, from plain text, Markdown and HTML), lint and rules
// (the checks), engine (workers, the corpus phase, filters), then report or
// fixers.
package lint
