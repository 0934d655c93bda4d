package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type flaky struct {
	writes int
	buf    bytes.Buffer
}

func (f *flaky) Write(p []byte) (int, error) {
	f.writes++
	if f.writes == 2 {
		n := len(p) / 2
		f.buf.Write(p[:n])
		return n, errors.New("device error")
	}
	return f.buf.Write(p)
}

func main() {
	var out bytes.Buffer
	w := bufio.NewWriterSize(&out, 16)
	fmt.Println(w.Size(), w.Available(), w.Buffered())
	w.WriteString("hello ")
	w.WriteByte('w')
	w.WriteRune('ö')
	w.Write([]byte("rld"))
	fmt.Println(w.Available(), w.Buffered(), out.Len())
	w.WriteString(" and a longer string that overflows")
	fmt.Println(w.Buffered(), out.Len())
	fmt.Println(w.Flush(), out.String())

	// AvailableBuffer: append in place, then Write.
	out.Reset()
	for i := 0; i < 5; i++ {
		b := w.AvailableBuffer()
		b = strconv.AppendInt(b, int64(i*i), 10)
		b = append(b, ' ')
		w.Write(b)
	}
	w.Flush()
	fmt.Printf("%q\n", out.String())

	// Errors are sticky.
	f := &flaky{}
	w = bufio.NewWriterSize(f, 4)
	n, err := w.WriteString("abcdefgh")
	fmt.Println(n, err)
	n, err = w.WriteString("ijkl")
	fmt.Println(n, err, f.buf.String())
	fmt.Println(w.Flush(), w.WriteByte('x'))
	w.Reset(&out)
	out.Reset()
	fmt.Println(w.WriteByte('z'), w.Flush(), out.String())

	// ReadFrom copies through the buffer.
	out.Reset()
	w = bufio.NewWriterSize(&out, 8)
	w.WriteString("pre:")
	c, err := w.ReadFrom(strings.NewReader("from a reader"))
	fmt.Println(c, err, w.Buffered(), out.String())
	w.Flush()
	fmt.Println(out.String())

	// ReadWriter combines both.
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("question?\n")), bufio.NewWriter(&out))
	line, _ := rw.ReadString('\n')
	rw.WriteString("answer to " + line)
	rw.Flush()
	fmt.Printf("%q\n", out.String())

	// A Writer wrapping a big-enough Writer is that Writer.
	big := bufio.NewWriterSize(&out, 100)
	fmt.Println(bufio.NewWriterSize(big, 50) == big, bufio.NewWriter(big) == big)
	fmt.Println(bufio.NewWriterSize(&out, -3).Size())
}
