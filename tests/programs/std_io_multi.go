package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

type failWriter struct{ after int }

func (f *failWriter) Write(p []byte) (int, error) {
	if len(p) > f.after {
		n := f.after
		f.after = 0
		return n, errors.New("disk full")
	}
	f.after -= len(p)
	return len(p), nil
}

type shortWriter struct{}

func (shortWriter) Write(p []byte) (int, error) { return len(p) / 2, nil }

func main() {
	r := io.MultiReader(strings.NewReader("hello, "), strings.NewReader(""), strings.NewReader("world"))
	b, err := io.ReadAll(r)
	fmt.Printf("%q %v\n", b, err)
	// Exhausted: EOF forever.
	n, err := r.Read(make([]byte, 10))
	fmt.Println(n, err)

	// Reads stop at each reader's boundary.
	r = io.MultiReader(strings.NewReader("ab"), strings.NewReader("cde"))
	buf := make([]byte, 10)
	for {
		n, err := r.Read(buf)
		fmt.Printf("n=%d %q err=%v\n", n, buf[:n], err)
		if err != nil {
			break
		}
	}

	// Nested multi readers are flattened.
	inner := io.MultiReader(strings.NewReader("1"), strings.NewReader("2"))
	outer := io.MultiReader(inner, strings.NewReader("3"), inner)
	b, _ = io.ReadAll(outer)
	fmt.Printf("%q\n", b)

	var a, c bytes.Buffer
	w := io.MultiWriter(&a, &c)
	fmt.Fprintf(w, "x=%d;", 42)
	io.WriteString(w, "tail")
	fmt.Println(a.String(), c.String())

	// MultiWriter stops at the first error.
	var d bytes.Buffer
	w = io.MultiWriter(&d, &failWriter{after: 3}, &a)
	n, err = w.Write([]byte("abcdef"))
	fmt.Println(n, err, d.String(), a.String())
	n, err = io.MultiWriter(shortWriter{}).Write([]byte("abcd"))
	fmt.Println(n, err, err == io.ErrShortWrite)

	// Copy from a MultiReader into a MultiWriter.
	var e, f bytes.Buffer
	cnt, err := io.Copy(io.MultiWriter(&e, &f), io.MultiReader(strings.NewReader("one "), strings.NewReader("two")))
	fmt.Println(cnt, err, e.String(), f.String())

	// TeeReader: what is read is written.
	var log bytes.Buffer
	t := io.TeeReader(strings.NewReader("tee data"), &log)
	p := make([]byte, 3)
	io.ReadFull(t, p)
	fmt.Printf("%q %q\n", p, log.String())
	rest, _ := io.ReadAll(t)
	fmt.Printf("%q %q\n", rest, log.String())
	// A write error surfaces as the read's error.
	t = io.TeeReader(strings.NewReader("0123456789"), &failWriter{after: 4})
	n, err = t.Read(make([]byte, 8))
	fmt.Println(n, err)
}
