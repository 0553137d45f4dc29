package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/copydesk/copydesk/report"
	"github.com/copydesk/copydesk/rules"
	"github.com/copydesk/copydesk/serve"
	"github.com/copydesk/copydesk/workspace"
	"github.com/spf13/cobra"
)

const defaultServeAddr = "127.0.0.1:7777"

func newServeCmd(e *env) *cobra.Command {
	var addr, config string
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:7777] [PATH...]",
		Short: "Serve a page for checking and fixing an article in the browser, and its JSON API",
		Long: "copydesk serve runs a local web page where an article is pasted or opened, checked as it is\n" +
			"typed and fixed after a look at the diff, and the JSON API behind it (POST /api/check and\n" +
			"POST /api/fix) for CMS plugins. The PATH folders (default: the current one) are the archive\n" +
			"that links, dates and names are checked against. It listens on 127.0.0.1 only, unless --addr\n" +
			"names another address.",
		Example: "  copydesk serve news/\n  copydesk serve --addr 127.0.0.1:8080 .",
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(e, addr, config, args)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", defaultServeAddr, "address to listen on; anything but a loopback address exposes the archive to the network")
	cmd.Flags().StringVar(&config, "config", "", "config file (default: the nearest "+".copydesk.yaml"+" from the first PATH up)")
	return cmd
}

func runServe(e *env, addr, config string, roots []string) error {
	if len(roots) == 0 {
		roots = []string{"."}
	}
	for _, r := range roots {
		st, err := os.Stat(r)
		if err != nil || !st.IsDir() {
			return &exitCode{code: exitError, err: fmt.Errorf("%s: not a folder; serve takes the folders of the archive", r)}
		}
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return &exitCode{code: exitError, err: fmt.Errorf("--addr %q: want HOST:PORT, such as %s", addr, defaultServeAddr)}
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(e.stderr, "copydesk: warning: listening on %s: anyone who can reach this address can read the archive's articles and use the API; there is no authentication\n", addr)
	}
	cfg, reg, err := workspace.LoadConfig(workspace.Options{Registry: rules.Registry(), ConfigFile: config, Styles: styleLoader(e.stderr, nil)}, roots)
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	ws, err := workspace.New(reg, cfg, roots, time.Time{})
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return &exitCode{code: exitError, err: fmt.Errorf("listen: %w", err)}
	}
	srv := serve.New(ws, report.Tool{Name: "copydesk", Version: version})
	srv.AllowHosts(ln.Addr().String())
	if host == "localhost" {
		srv.AllowHosts(addr)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(e.stdout, "copydesk: serving http://%s/ (reading the archive in the background)\n", ln.Addr())
	go func() {
		start := time.Now()
		n, err := ws.Build(nil)
		if err != nil {
			fmt.Fprintf(e.stderr, "copydesk: %v\n", err)
		}
		srv.SetReady()
		fmt.Fprintf(e.stdout, "copydesk: %d articles indexed in %.1fs\n", n, time.Since(start).Seconds())
	}()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return &exitCode{code: exitError, err: fmt.Errorf("serve: %w", err)}
		}
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(sctx)
	}
	return nil
}
