package main

import (
	"io"
	"slices"

	"github.com/copydesk/copydesk/diskcache"
	"github.com/copydesk/copydesk/engine"
	"github.com/spf13/cobra"
)

// registerNoCache adds --no-cache to a command that reads context files.
func registerNoCache(cmd *cobra.Command, c *commonFlags) {
	cmd.Flags().BoolVar(&c.noCache, "no-cache", false, "read every other article of the archive, neither using nor writing the cache of them (see the README's \"Cache\")")
}

// runSucceeded: nothing went wrong in res beyond the findings, and no
// path was a problem.
func runSucceeded(res *engine.Result, problems int) bool {
	return problems == 0 && len(res.RunErrors) == 0 && len(res.Errors()) == 0
}

// contextCache sets up eng's cache of context files for a run over
// inputs: nil, and none set, with --no-cache or when no file is read as
// context.
func (c *commonFlags) contextCache(e *env, eng *engine.Engine, inputs []engine.Input) *diskcache.File {
	if c.noCache || !slices.ContainsFunc(inputs, func(in engine.Input) bool { return in.CorpusOnly && in.Src == nil }) {
		return nil
	}
	var log io.Writer
	if c.verbose {
		log = e.stderr
	}
	fc := diskcache.Open(eng, log)
	if fc == nil {
		return nil
	}
	for _, in := range inputs {
		if !in.CorpusOnly && in.Src == nil {
			fc.Report(in.Path)
		}
	}
	eng.Cache = fc
	return fc
}
