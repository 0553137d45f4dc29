// Package engine drives a run: it reads and parses each input on a pool
// of workers, runs the document rules and collects what the corpus rules
// need, runs the corpus rules over every document, then passes each file's
// findings through its filter chain (package filter), in an order that does
// not depend on the parallelism.
package engine
