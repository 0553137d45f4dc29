// Package document is the model an article is parsed into once and every
// rule shares read-only: blocks with their roles, prose tokens, title,
// dates, navigation and links, spans of markup a fix must not touch, and
// suppression directives.
package document
