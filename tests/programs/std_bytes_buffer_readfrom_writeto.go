// bytes.Buffer's ReadFrom and WriteTo: reading a whole stream (growth by MinRead),
// errors from the reader, writing out to writers that succeed, fail or write short, and
// io.Copy, which uses them (Buffer is an io.ReaderFrom and an io.WriterTo).
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// source yields its data in chunks of at most step bytes, then io.EOF or err.
type source struct {
	data  []byte
	step  int
	err   error
	sizes []int
}

func (s *source) Read(p []byte) (int, error) {
	s.sizes = append(s.sizes, len(p))
	if len(s.data) == 0 {
		if s.err != nil {
			return 0, s.err
		}
		return 0, io.EOF
	}
	n := min(len(p), s.step, len(s.data))
	copy(p, s.data[:n])
	s.data = s.data[n:]
	return n, nil
}

// sink accepts at most limit bytes per Write and fails with err after that.
type sink struct {
	got   []byte
	limit int
	err   error
}

func (w *sink) Write(p []byte) (int, error) {
	if len(p) > w.limit {
		w.got = append(w.got, p[:w.limit]...)
		return w.limit, w.err
	}
	w.got = append(w.got, p...)
	return len(p), nil
}

var errBroken = errors.New("broken pipe")

func main() {
	fmt.Println("MinRead =", bytes.MinRead)

	for _, size := range []int{0, 100, 511, 512, 1500, 5000} {
		var b bytes.Buffer
		src := &source{data: bytes.Repeat([]byte("ab"), size/2+size%2)[:size], step: 700}
		n, err := b.ReadFrom(src)
		fmt.Printf("ReadFrom %5d bytes: n=%d err=%v len=%d cap=%d reads=%v\n", size, n, err, b.Len(), b.Cap(), src.sizes)
	}

	// Existing content is kept; room left over is reused.
	b := bytes.NewBufferString(strings.Repeat("head-", 8))
	b.Next(10)
	n, err := b.ReadFrom(&source{data: []byte("+tail"), step: 3})
	fmt.Printf("after head: n=%d err=%v %q cap=%d\n", n, err, b.String(), b.Cap())

	// A reader error stops ReadFrom and is returned with what was read.
	var e bytes.Buffer
	n, err = e.ReadFrom(&source{data: []byte("partial"), step: 4, err: errBroken})
	fmt.Printf("reader error: n=%d err=%v %q\n", n, err, e.String())

	// WriteTo drains the buffer into a writer.
	w := bytes.NewBufferString("the quick brown fox jumps over the lazy dog")
	w.Next(4)
	var out strings.Builder
	m, err := w.WriteTo(&out)
	fmt.Printf("WriteTo: n=%d err=%v out=%q left=%d\n", m, err, out.String(), w.Len())
	m, err = w.WriteTo(&out)
	fmt.Printf("WriteTo empty: n=%d err=%v\n", m, err)

	// A short write without an error becomes io.ErrShortWrite; with one, that error.
	short := &sink{limit: 5}
	w = bytes.NewBufferString("0123456789")
	m, err = w.WriteTo(short)
	fmt.Printf("short write: n=%d err=%v short=%v got=%q left=%q\n", m, err, err == io.ErrShortWrite, short.got, w.String())
	failing := &sink{limit: 3, err: errBroken}
	m, err = w.WriteTo(failing)
	fmt.Printf("failing write: n=%d err=%v got=%q left=%q\n", m, err, failing.got, w.String())

	// io.Copy: from a Buffer (WriterTo) and into a Buffer (ReaderFrom).
	var dst bytes.Buffer
	c, err := io.Copy(&dst, bytes.NewReader([]byte("copied through io.Copy")))
	fmt.Printf("io.Copy into Buffer: %d %v %q\n", c, err, dst.String())
	var sb strings.Builder
	c, err = io.Copy(&sb, &dst)
	fmt.Printf("io.Copy from Buffer: %d %v %q dst.Len=%d\n", c, err, sb.String(), dst.Len())
	src := &source{data: []byte("limited stream of bytes"), step: 5}
	c, err = io.CopyN(&dst, src, 8)
	fmt.Printf("io.CopyN: %d %v %q reads=%v\n", c, err, dst.String(), src.sizes)

	var rf io.ReaderFrom = &dst
	var wt io.WriterTo = &dst
	var sw io.StringWriter = &dst
	var bw io.ByteWriter = &dst
	fmt.Println(rf != nil, wt != nil, sw != nil, bw != nil)
}
