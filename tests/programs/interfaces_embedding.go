package main

import "fmt"

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }
type ReadWriter interface {
	Reader
	Writer
}

type Buffer struct{ data []string }

func (b *Buffer) Read() string {
	if len(b.data) == 0 {
		return "<empty>"
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

func (b *Buffer) Write(s string) { b.data = append(b.data, s) }

func useReader(r Reader) string { return r.Read() }

func main() {
	var rw ReadWriter = &Buffer{}
	rw.Write("hello")
	rw.Write("world")
	fmt.Println(useReader(rw))
	var r Reader = rw
	fmt.Println(r.Read(), r.Read())
	w, ok := r.(Writer)
	fmt.Println(ok)
	w.Write("again")
	fmt.Println(rw.Read())
	_, isRW := r.(ReadWriter)
	fmt.Println(isRW)
}
