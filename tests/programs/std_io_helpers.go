// io's helpers over a hand-written Reader and Writer: ReadAll's growth, ReadFull and
// ReadAtLeast's errors, Copy through LimitReader, CopyN, WriteString, Discard, and the
// sentinel errors and Seek constants.
package main

import (
	"fmt"
	"io"
	"strings"
)

// chunkReader returns at most n bytes per Read.
type chunkReader struct {
	s     string
	n     int
	calls int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	r.calls++
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	if len(p) > r.n {
		p = p[:r.n]
	}
	k := copy(p, r.s)
	r.s = r.s[k:]
	return k, nil
}

// shortWriter accepts at most max bytes per Write, without an error.
type shortWriter struct {
	got []byte
	max int
}

func (w *shortWriter) Write(p []byte) (int, error) {
	if len(p) > w.max {
		p = p[:w.max]
	}
	w.got = append(w.got, p...)
	return len(p), nil
}

func main() {
	for _, size := range []int{0, 10, 511, 512, 2000, 5000} {
		r := &chunkReader{s: strings.Repeat("x", size), n: 300}
		b, err := io.ReadAll(r)
		fmt.Println("ReadAll", size, len(b), cap(b) >= len(b), err, r.calls)
	}

	buf := make([]byte, 5)
	n, err := io.ReadFull(&chunkReader{s: "abc", n: 2}, buf)
	fmt.Println("ReadFull short:", n, err, err == io.ErrUnexpectedEOF, string(buf[:n]))
	n, err = io.ReadFull(&chunkReader{s: "", n: 2}, buf)
	fmt.Println("ReadFull empty:", n, err, err == io.EOF)
	n, err = io.ReadFull(&chunkReader{s: "abcdefgh", n: 2}, buf)
	fmt.Println("ReadFull ok:", n, err, string(buf))
	n, err = io.ReadAtLeast(&chunkReader{s: "abcdefgh", n: 3}, buf, 8)
	fmt.Println("ReadAtLeast:", n, err, err == io.ErrShortBuffer)

	var sb strings.Builder
	w, err := io.Copy(&sb, io.LimitReader(&chunkReader{s: "hello, world", n: 4}, 7))
	fmt.Printf("Copy limited: %d %v %q\n", w, err, sb.String())
	w, err = io.CopyN(io.Discard, &chunkReader{s: "xyz", n: 1}, 10)
	fmt.Println("CopyN short:", w, err)
	w, err = io.CopyN(io.Discard, &chunkReader{s: "xyzxyz", n: 1}, 4)
	fmt.Println("CopyN:", w, err)

	sw := &shortWriter{max: 3}
	w, err = io.Copy(sw, &chunkReader{s: "abcdef", n: 5})
	fmt.Println("Copy to short writer:", w, err, err == io.ErrShortWrite, string(sw.got))

	n, err = io.WriteString(&sb, "!")
	fmt.Println("WriteString:", n, err, sb.String())
	n, err = io.WriteString(sw, "zz")
	fmt.Println("WriteString via Write:", n, err, string(sw.got))

	d, err := io.Copy(io.Discard, &chunkReader{s: strings.Repeat("q", 20000), n: 9000})
	fmt.Println("Discard:", d, err)

	fmt.Println(io.SeekStart, io.SeekCurrent, io.SeekEnd)
	for _, e := range []error{io.EOF, io.ErrUnexpectedEOF, io.ErrShortWrite, io.ErrShortBuffer, io.ErrNoProgress} {
		fmt.Printf("%v|", e)
	}
	fmt.Println()
	var rs io.ReadSeeker
	fmt.Println(rs == nil)
}
