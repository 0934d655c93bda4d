package main

import (
	"fmt"
	"io"
	"strings"
)

func main() {
	src := strings.NewReader("0123456789abcdef")
	s := io.NewSectionReader(src, 4, 8) // "456789ab"
	fmt.Println("size", s.Size())
	b, err := io.ReadAll(s)
	fmt.Printf("%q %v\n", b, err)

	pos, err := s.Seek(2, io.SeekStart)
	fmt.Println(pos, err)
	p := make([]byte, 3)
	n, err := s.Read(p)
	fmt.Printf("%d %q %v\n", n, p[:n], err)
	pos, err = s.Seek(-1, io.SeekCurrent)
	fmt.Println(pos, err)
	pos, err = s.Seek(-2, io.SeekEnd)
	fmt.Println(pos, err)
	n, err = s.Read(p)
	fmt.Printf("%d %q %v\n", n, p[:n], err)
	n, err = s.Read(p)
	fmt.Printf("%d %q %v\n", n, p[:n], err)

	_, err = s.Seek(-1, io.SeekStart)
	fmt.Println("seek before start:", err)
	_, err = s.Seek(0, 7)
	fmt.Println("bad whence:", err)
	// Seeking past the end is allowed; reads then give EOF.
	pos, err = s.Seek(100, io.SeekStart)
	fmt.Println(pos, err)
	n, err = s.Read(p)
	fmt.Println(n, err)

	// ReadAt is relative to the section and reports EOF at its end.
	n, err = s.ReadAt(p, 6)
	fmt.Printf("%d %q %v\n", n, p[:n], err)
	n, err = s.ReadAt(p, 1)
	fmt.Printf("%d %q %v\n", n, p[:n], err)
	n, err = s.ReadAt(p, 8)
	fmt.Println(n, err)
	n, err = s.ReadAt(p, -1)
	fmt.Println(n, err)

	r, off, size := s.Outer()
	fmt.Println(r == io.ReaderAt(src), off, size)

	// Sections of sections.
	inner := io.NewSectionReader(s, 2, 4)
	b, _ = io.ReadAll(inner)
	fmt.Printf("%q\n", b)

	// A section running past the underlying data.
	long := io.NewSectionReader(strings.NewReader("short"), 2, 100)
	b, err = io.ReadAll(long)
	fmt.Printf("%q %v %d\n", b, err, long.Size())

	// Fixed-size records through ReadFull.
	recs := io.NewSectionReader(strings.NewReader("AAAABBBBCC"), 0, 10)
	rec := make([]byte, 4)
	for {
		n, err := io.ReadFull(recs, rec)
		if err != nil {
			fmt.Printf("last %q: %v\n", rec[:n], err)
			break
		}
		fmt.Printf("record %q\n", rec)
	}
}
