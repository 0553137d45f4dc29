package jsonrpc

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestReadAndWrite(t *testing.T) {
	var buf bytes.Buffer
	c := NewConn(&buf)
	if err := c.Notify("window/showMessage", map[string]any{"type": 1, "message": "café 🎉"}); err != nil {
		t.Fatal(err)
	}
	if err := c.Reply(json.RawMessage(`"abc"`), nil, &Error{Code: InvalidParams, Message: "bad"}); err != nil {
		t.Fatal(err)
	}
	ch, err := c.Call("workspace/configuration", nil)
	if err != nil {
		t.Fatal(err)
	}
	// Headers in another case and order, and an extra header, are read too.
	body := `{"jsonrpc":"2.0","id":1,"result":7}`
	fmt.Fprintf(&buf, "content-type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: %d\r\n\r\n%s", len(body), body)
	r := bufio.NewReader(&buf)
	m, err := Read(r)
	if err != nil || m.Method != "window/showMessage" || !strings.Contains(string(m.Params), "café 🎉") || m.IsRequest() {
		t.Fatalf("notification: %+v %v", m, err)
	}
	m, err = Read(r)
	if err != nil || string(m.ID) != `"abc"` || m.Error == nil || m.Error.Code != InvalidParams {
		t.Fatalf("error reply: %+v %v", m, err)
	}
	m, err = Read(r)
	if err != nil || !m.IsRequest() || m.Method != "workspace/configuration" {
		t.Fatalf("request: %+v %v", m, err)
	}
	m, err = Read(r)
	if err != nil || !m.IsResponse() || !c.Deliver(m) {
		t.Fatalf("response: %+v %v", m, err)
	}
	if got := <-ch; string(got.Result) != "7" {
		t.Errorf("delivered %s", got.Result)
	}
	if _, err := Read(r); !errors.Is(err, io.EOF) {
		t.Errorf("at the end: %v, want EOF", err)
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{
		"Content-Type: x\r\n\r\n{}",           // no length
		"Content-Length: -1\r\n\r\n",          // negative
		"Content-Length: 99999999999\r\n\r\n", // over the limit
		"Content-Length: 10\r\n\r\n{}",        // short body
		"garbage\r\n\r\n",                     // not a header
	} {
		if _, err := Read(bufio.NewReader(strings.NewReader(in))); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
	// Bad JSON in a good frame is a message carrying a parse error: the
	// server answers it and reads on.
	m, err := Read(bufio.NewReader(strings.NewReader("Content-Length: 1\r\n\r\n{")))
	if err != nil || m.Error == nil || m.Error.Code != ParseError {
		t.Errorf("bad JSON: %+v %v", m, err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte("Content-Length: 2\r\n\r\n{}"))
	f.Add([]byte("Content-Length: 40\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}  "))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bufio.NewReader(bytes.NewReader(data))
		for range 10 {
			if _, err := Read(r); err != nil {
				return
			}
		}
	})
}
