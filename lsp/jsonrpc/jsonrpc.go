// Package jsonrpc reads and writes JSON-RPC 2.0 messages with the
// Content-Length framing of the Language Server Protocol's base protocol.
//
// It is written here rather than imported: gopls's protocol package is
// internal to x/tools, glsp stops at LSP 3.16 (no positionEncoding) and
// brings a logging framework and a WebSocket library, and go.lsp.dev's
// packages bring their own JSON and URI stacks for a few dozen methods of
// which a linter uses nine. The framing is a hundred lines.
package jsonrpc

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// MaxMessage bounds one message's body; an editor's whole-file sync of a
// large article is a few megabytes.
const MaxMessage = 64 << 20

// Error codes of JSON-RPC and LSP.
const (
	ParseError           = -32700
	InvalidRequest       = -32600
	MethodNotFound       = -32601
	InvalidParams        = -32602
	InternalError        = -32603
	ServerNotInitialized = -32002
	RequestCancelled     = -32800
)

// Message is a request (ID and Method), a notification (Method only) or
// a response (ID and Result or Error).
type Message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"` // a number or a string, kept as written
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *Error          `json:"error,omitempty"`
}

// IsRequest reports whether m expects a response.
func (m *Message) IsRequest() bool { return m.Method != "" && len(m.ID) > 0 }

// IsResponse reports whether m answers a request.
func (m *Message) IsResponse() bool { return m.Method == "" && len(m.ID) > 0 }

// Error is a JSON-RPC error object.
type Error struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return fmt.Sprintf("%s (code %d)", e.Message, e.Code) }

// Read reads one framed message. It returns io.EOF at a clean end of the
// stream, between messages.
func Read(r *bufio.Reader) (*Message, error) {
	length := -1
	first := true
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			if err == io.EOF && first && line == "" {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("read header: %w", err)
		}
		first = false
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("malformed header line %q", line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 {
				return nil, fmt.Errorf("bad Content-Length %q", value)
			}
			length = n
		}
	}
	if length < 0 {
		return nil, errors.New("message without a Content-Length header")
	}
	if length > MaxMessage {
		return nil, fmt.Errorf("message of %d bytes is over the limit of %d", length, MaxMessage)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	var m Message
	if err := json.Unmarshal(body, &m); err != nil {
		return &Message{Error: &Error{Code: ParseError, Message: err.Error()}}, nil
	}
	return &m, nil
}

// Conn writes messages to one stream, whole messages at a time, from any
// goroutine, and matches responses to the requests it sent.
type Conn struct {
	mu      sync.Mutex
	w       io.Writer
	nextID  int
	pending map[string]chan *Message
}

// NewConn returns a connection writing to w.
func NewConn(w io.Writer) *Conn {
	return &Conn{w: w, pending: map[string]chan *Message{}}
}

func (c *Conn) write(m *Message) error {
	m.JSONRPC = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode %s: %w", m.Method, err)
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "Content-Length: %d\r\n\r\n", len(body))
	buf.Write(body)
	c.mu.Lock()
	defer c.mu.Unlock()
	_, err = c.w.Write(buf.Bytes())
	return err
}

func marshal(v any) (json.RawMessage, error) {
	if v == nil {
		return json.RawMessage("null"), nil
	}
	return json.Marshal(v)
}

// Notify sends a notification.
func (c *Conn) Notify(method string, params any) error {
	p, err := marshal(params)
	if err != nil {
		return fmt.Errorf("encode %s: %w", method, err)
	}
	return c.write(&Message{Method: method, Params: p})
}

// Reply answers the request id with result, or with err when it is not
// nil (an *Error keeps its code; others are internal errors).
func (c *Conn) Reply(id json.RawMessage, result any, err error) error {
	m := &Message{ID: id}
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			e = &Error{Code: InternalError, Message: err.Error()}
		}
		m.Error = e
	} else {
		r, merr := marshal(result)
		if merr != nil {
			return merr
		}
		m.Result = r
	}
	return c.write(m)
}

// Call sends a request and returns a channel that receives its response,
// once Deliver is given it.
func (c *Conn) Call(method string, params any) (<-chan *Message, error) {
	p, err := marshal(params)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", method, err)
	}
	ch := make(chan *Message, 1)
	c.mu.Lock()
	c.nextID++
	id := json.RawMessage(strconv.Itoa(c.nextID))
	c.pending[string(id)] = ch
	c.mu.Unlock()
	if err := c.write(&Message{ID: id, Method: method, Params: p}); err != nil {
		c.mu.Lock()
		delete(c.pending, string(id))
		c.mu.Unlock()
		return nil, err
	}
	return ch, nil
}

// Deliver hands a response to the Call waiting for it; it reports false
// for a response to nothing this side asked.
func (c *Conn) Deliver(m *Message) bool {
	c.mu.Lock()
	ch, ok := c.pending[string(m.ID)]
	delete(c.pending, string(m.ID))
	c.mu.Unlock()
	if ok {
		ch <- m
	}
	return ok
}
