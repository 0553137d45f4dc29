package main

import (
	"errors"
	"fmt"

	"github.com/copydesk/copydesk/lsp"
	"github.com/copydesk/copydesk/rules"
	"github.com/spf13/cobra"
)

func newLSPCmd(e *env) *cobra.Command {
	var stdio bool
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server over standard input and output, for editors",
		Long: "copydesk lsp speaks the Language Server Protocol 3.17 on standard input and output: findings as\n" +
			"you type, fixes as code actions, and the workspace folder's articles as the archive that links,\n" +
			"dates and names are checked against. The workspace's " + ".copydesk.yaml" + " is the configuration.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			srv := lsp.New(lsp.Options{Name: "copydesk", Version: version, Registry: rules.Registry(), Styles: styleLoader(e.stderr, nil), Log: e.stderr}, e.stdout)
			err := srv.Run(e.stdin)
			switch {
			case errors.Is(err, lsp.ErrExitWithoutShutdown):
				return &exitCode{code: 1}
			case err != nil:
				return &exitCode{code: exitError, err: fmt.Errorf("lsp: %w", err)}
			}
			return nil
		},
	}
	// Editors and client libraries pass --stdio by habit; it is the only transport.
	cmd.Flags().BoolVar(&stdio, "stdio", true, "talk over standard input and output (the only transport)")
	return cmd
}
