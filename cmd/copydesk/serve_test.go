package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeCheckIsLintJSON: POST /api/check answers what `lint --format
// json` prints for the same text under the same name, the archive's
// findings included, byte for byte.
func TestServeCheckIsLintJSON(t *testing.T) {
	dir := workdir(t)
	write(t, ".copydesk.yaml", "version: 1\ncorpus: [\"news/**\"]\n")
	write(t, filepath.Join("news", "2025-03-02-lantern-festival.md"), lspFestival)
	write(t, filepath.Join("news", "2025-03-09-boat-workshop.md"), lspWorkshop)
	name := "news/2025-03-16-draft.md"
	want := cli(t, lspDraft, "lint", "--format", "json", "--stdin-filename", name, "-")
	if want.code != 1 || !strings.Contains(want.stdout, "name-consistency") {
		t.Fatalf("lint: %s", want)
	}
	url := startServe(t, dir)
	waitReady(t, url)
	body, _ := json.Marshal(map[string]string{"text": lspDraft, "filename": name})
	resp, err := http.Post(url+"/api/check", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || string(got) != want.stdout {
		t.Errorf("/api/check answered %d:\n%s\nlint printed:\n%s", resp.StatusCode, got, want.stdout)
	}
}

// waitReady waits until the server has read the archive.
func waitReady(t *testing.T, url string) {
	t.Helper()
	for range 200 {
		resp, err := http.Get(url + "/api/status")
		if err == nil {
			var st struct{ Ready bool }
			_ = json.NewDecoder(resp.Body).Decode(&st)
			resp.Body.Close()
			if st.Ready {
				return
			}
		}
		sleepBriefly()
	}
	t.Fatal("the server never finished reading the archive")
}

func sleepBriefly() { time.Sleep(50 * time.Millisecond) }

// TestServeAddress: 127.0.0.1 by default; another address is taken only
// from the flag, with a warning.
func TestServeAddress(t *testing.T) {
	if f := newServeCmd(&env{}).Flags().Lookup("addr"); f == nil || f.DefValue != "127.0.0.1:7777" {
		t.Fatalf("--addr default = %v", f)
	}
	bin := binary(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "serve", "--addr", "0.0.0.0:0", dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	_ = cmd.Process.Signal(os.Interrupt)
	_ = cmd.Wait()
	if !strings.Contains(line, "serving http://") || !strings.Contains(stderr.String(), "warning: listening on 0.0.0.0:0") {
		t.Errorf("stdout %q, stderr %q", line, stderr.String())
	}
	if r := cli(t, "", "serve", "no-such-folder"); r.code != 2 || !strings.Contains(r.stderr, "no-such-folder: not a folder") {
		t.Errorf("a missing folder: %s", r)
	}
}
