package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// openPTY opens a pseudo-terminal pair, so that stdout can be a terminal
// in a test.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		m.Close()
		t.Skipf("unlockpt: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		m.Close()
		t.Skipf("ptsname: %v", e)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Skipf("open pts: %v", err)
	}
	return m, s
}

// lintOnTerminal runs lint with stdout on a pseudo-terminal and returns
// what the terminal received.
func lintOnTerminal(t *testing.T, args ...string) (string, int) {
	t.Helper()
	master, slave := openPTY(t)
	defer master.Close()
	got := make(chan []byte)
	go func() {
		var b bytes.Buffer
		_, _ = io.Copy(&b, master) // ends with EIO once the slave is closed
		got <- b.Bytes()
	}()
	var errb bytes.Buffer
	code := run(args, strings.NewReader(""), slave, &errb)
	slave.Close()
	return string(<-got), code
}

func TestColorOnlyOnATerminal(t *testing.T) {
	workdir(t)
	write(t, "a.md", "The the tide.\n")
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("NO_COLOR", "")
	os.Unsetenv("NO_COLOR")

	out, code := lintOnTerminal(t, "lint", "a.md")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	mustContain(t, "terminal output", out, "\x1b[", "[repeated-word]")

	// NO_COLOR, even empty, turns colour off on a terminal.
	for _, v := range []string{"1", ""} {
		t.Setenv("NO_COLOR", v)
		out, code = lintOnTerminal(t, "lint", "a.md")
		if code != 1 {
			t.Fatalf("exit %d", code)
		}
		mustContain(t, "NO_COLOR output", out, "a.md:1:1: warning [repeated-word]")
		mustNotContain(t, "NO_COLOR="+v+" output", out, "\x1b[")
	}

	// JSON is never coloured.
	os.Unsetenv("NO_COLOR")
	out, _ = lintOnTerminal(t, "lint", "--format", "json", "a.md")
	mustNotContain(t, "json on a terminal", out, "\x1b[")
}
