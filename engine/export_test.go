package engine

// DropContextText makes e let the text of the files read as context go
// once they are parsed.
func DropContextText(e *Engine) { e.dropContextText = true }

// Rereads returns how many texts e read again for the corpus rules.
func Rereads(e *Engine) int { return int(e.rereads.Load()) }

// LongFrom sets the size from which e parses a document as a long one.
func LongFrom(e *Engine, n int) { e.longFrom = n }
