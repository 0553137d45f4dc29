// Package parse turns an article's text into a document.Document: plain
// text scraped from a site, Markdown with its front matter and dialects
// (MDX, containers, shortcodes, templates) through goldmark, and HTML
// through x/net/html.
package parse
