package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// slowReader returns at most 2 bytes per Read, and its data ends with an error.
type slowReader struct {
	s   string
	err error
}

func (r *slowReader) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, r.err
	}
	n := copy(p[:min(len(p), 2)], r.s)
	r.s = r.s[n:]
	return n, nil
}

type countingWriter struct {
	calls int
	bytes.Buffer
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.calls++
	return c.Buffer.Write(p)
}

func main() {
	var w countingWriter
	n, err := io.Copy(&w, &slowReader{s: "abcdefg", err: io.EOF})
	fmt.Println(n, err, w.calls, w.String())

	n, err = io.Copy(io.Discard, &slowReader{s: "abc", err: errors.New("broken")})
	fmt.Println(n, err)

	n, err = io.CopyN(&w, strings.NewReader("0123456789"), 4)
	fmt.Println(n, err, w.String())
	n, err = io.CopyN(&w, strings.NewReader("xy"), 4)
	fmt.Println(n, err)

	buf := make([]byte, 3)
	var out bytes.Buffer
	n, err = io.CopyBuffer(&out, io.LimitReader(&slowReader{s: "limited reader data", err: io.EOF}, 9), buf)
	fmt.Println(n, err, out.String())

	p := make([]byte, 5)
	k, err := io.ReadAtLeast(&slowReader{s: "abcdef", err: io.EOF}, p, 4)
	fmt.Println(k, err, string(p[:k]))
	k, err = io.ReadAtLeast(strings.NewReader("ab"), p, 4)
	fmt.Println(k, err)
	k, err = io.ReadAtLeast(strings.NewReader("ab"), p, 6)
	fmt.Println(k, err)
	k, err = io.ReadFull(strings.NewReader(""), p)
	fmt.Println(k, err)

	// CopyBuffer panics on an empty (non-nil) buffer: once recovered, once not.
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		io.CopyBuffer(&out, &slowReader{s: "x", err: io.EOF}, make([]byte, 0, 8))
	}()
	fmt.Println("after recover")
	io.CopyBuffer(&out, strings.NewReader("x"), []byte{})
}
