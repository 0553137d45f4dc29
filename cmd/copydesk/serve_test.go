package main

import (
	"encoding/json"
	"io"
	"net/http"
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
