package main

import (
	"errors"
	"fmt"
	"io"
)

// mem is an in-memory WriterAt/ReaderAt that grows as needed.
type mem struct{ data []byte }

func (m *mem) WriteAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	for int64(len(m.data)) < off+int64(len(p)) {
		m.data = append(m.data, '.')
	}
	copy(m.data[off:], p)
	return len(p), nil
}

func (m *mem) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(m.data)) {
		return 0, io.EOF
	}
	n := copy(p, m.data[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func main() {
	m := &mem{}
	w := io.NewOffsetWriter(m, 3)
	n, err := w.Write([]byte("abc"))
	fmt.Println(n, err, string(m.data))
	n, err = w.Write([]byte("de"))
	fmt.Println(n, err, string(m.data))
	n, err = w.WriteAt([]byte("XY"), 1)
	fmt.Println(n, err, string(m.data))
	_, err = w.WriteAt([]byte("Z"), -1)
	fmt.Println(err)

	pos, err := w.Seek(0, io.SeekCurrent)
	fmt.Println(pos, err)
	pos, err = w.Seek(1, io.SeekStart)
	fmt.Println(pos, err)
	w.Write([]byte("!"))
	fmt.Println(string(m.data))
	_, err = w.Seek(-5, io.SeekCurrent)
	fmt.Println(err)
	_, err = w.Seek(0, io.SeekEnd)
	fmt.Println(err)

	// Read it back through a SectionReader and copy it with WriterTo-less Copy.
	sec := io.NewSectionReader(m, 3, 5)
	b, err := io.ReadAll(sec)
	fmt.Printf("%q %v\n", b, err)

	// NopCloser keeps the reader and adds Close; it forwards WriterTo.
	rc := io.NopCloser(sec)
	fmt.Println(rc.Close())
	_, isWT := rc.(io.WriterTo)
	fmt.Println("WriterTo:", isWT)
	var rsc io.ReadSeekCloser = struct {
		io.ReadSeeker
		io.Closer
	}{sec, rc}
	pos, _ = rsc.Seek(1, io.SeekStart)
	b, _ = io.ReadAll(rsc)
	fmt.Printf("%d %q %v\n", pos, b, rsc.Close())
}
