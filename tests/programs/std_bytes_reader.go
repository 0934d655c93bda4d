// bytes.Reader: Read, ReadAt (which leaves the offset alone), Seek from each whence and
// its errors, Len and Size, ReadByte/UnreadByte, ReadRune/UnreadRune and their errors,
// WriteTo, Reset, and reading after seeking past the end.
package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

func main() {
	data := []byte("Hello, 世界! 0123456789")
	r := bytes.NewReader(data)
	fmt.Println("Len", r.Len(), "Size", r.Size())

	p := make([]byte, 5)
	n, err := r.Read(p)
	fmt.Printf("Read %d %q %v Len=%d\n", n, p[:n], err, r.Len())

	// ReadAt does not move the offset.
	for _, off := range []int64{0, 7, 20, 24, 25, -1} {
		q := make([]byte, 6)
		n, err := r.ReadAt(q, off)
		fmt.Printf("ReadAt(%d) %d %q %v\n", off, n, q[:n], err)
	}
	fmt.Println("Len after ReadAt", r.Len())

	for _, s := range []struct {
		off    int64
		whence int
	}{{2, io.SeekCurrent}, {0, io.SeekStart}, {-3, io.SeekEnd}, {-100, io.SeekCurrent}, {5, 7}, {100, io.SeekStart}} {
		pos, err := r.Seek(s.off, s.whence)
		fmt.Printf("Seek(%d, %d) = %d %v Len=%d\n", s.off, s.whence, pos, err, r.Len())
	}
	n, err = r.Read(p)
	fmt.Println("Read past end:", n, err)
	b, err := r.ReadByte()
	fmt.Println("ReadByte past end:", b, err)
	_, _, err = r.ReadRune()
	fmt.Println("ReadRune past end:", err)

	r.Seek(7, io.SeekStart)
	for i := 0; i < 3; i++ {
		ch, size, err := r.ReadRune()
		fmt.Printf("ReadRune %q %d %v\n", ch, size, err)
	}
	fmt.Println("UnreadRune:", r.UnreadRune(), "Len", r.Len())
	fmt.Println("UnreadRune again:", r.UnreadRune())
	ch, size, _ := r.ReadRune()
	fmt.Printf("re-read %q %d\n", ch, size)
	c, _ := r.ReadByte()
	fmt.Printf("ReadByte %q\n", c)
	fmt.Println("UnreadByte:", r.UnreadByte(), "UnreadRune after UnreadByte:", r.UnreadRune())

	var out strings.Builder
	m, err := r.WriteTo(&out)
	fmt.Printf("WriteTo %d %v %q Len=%d\n", m, err, out.String(), r.Len())
	m, err = r.WriteTo(&out)
	fmt.Println("WriteTo at end:", m, err)

	r.Reset([]byte("second"))
	fmt.Println("after Reset:", r.Len(), r.Size())
	fmt.Println("UnreadByte at start:", r.UnreadByte())
	fmt.Println("UnreadRune at start:", r.UnreadRune())
	all, err := io.ReadAll(r)
	fmt.Printf("ReadAll %q %v\n", all, err)

	// The zero Reader reads an empty slice.
	var z bytes.Reader
	n, err = z.Read(p)
	fmt.Println("zero Reader:", n, err, z.Len(), z.Size())

	// A Reader serves io.SectionReader-like use through ReadAt and io.ReadFull.
	var ra io.ReaderAt = bytes.NewReader([]byte("abcdefghij"))
	buf := make([]byte, 4)
	n, err = ra.ReadAt(buf, 8)
	fmt.Printf("ReaderAt tail: %d %q %v\n", n, buf[:n], err)
	n, err = io.ReadFull(bytes.NewReader([]byte("xyz")), buf)
	fmt.Printf("ReadFull short: %d %q %v\n", n, buf[:n], err)

	var rs io.ReadSeeker = bytes.NewReader([]byte("seekable"))
	rs.Seek(-4, io.SeekEnd)
	rest, _ := io.ReadAll(rs)
	fmt.Printf("%s\n", rest)
	_, ok := rs.(io.RuneScanner)
	_, ok2 := rs.(io.ByteScanner)
	_, ok3 := rs.(io.WriterTo)
	fmt.Println(ok, ok2, ok3)
}
