package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

func main() {
	r := bufio.NewReaderSize(strings.NewReader("alpha\nbeta\r\ngamma"), 16)
	fmt.Println("size", r.Size())
	for {
		s, err := r.ReadString('\n')
		fmt.Printf("%q %v\n", s, err)
		if err != nil {
			break
		}
	}

	// ReadLine splits lines longer than the buffer and strips \r\n.
	long := strings.Repeat("x", 20) + "\r\nshort\r\nlast"
	r = bufio.NewReaderSize(strings.NewReader(long), 16)
	for {
		line, isPrefix, err := r.ReadLine()
		if err != nil {
			fmt.Println("ReadLine:", err)
			break
		}
		fmt.Printf("%q prefix=%v\n", line, isPrefix)
	}

	// ReadSlice fails with ErrBufferFull when no delimiter fits.
	r = bufio.NewReaderSize(strings.NewReader(strings.Repeat("y", 40)+";rest"), 16)
	b, err := r.ReadSlice(';')
	fmt.Printf("%q %v %v\n", b, err, errors.Is(err, bufio.ErrBufferFull))
	b, err = r.ReadBytes(';')
	fmt.Printf("%q %v\n", b, err)

	// Peek, Buffered, Discard.
	r = bufio.NewReaderSize(strings.NewReader("0123456789abcdefghijklmnop"), 16)
	p, err := r.Peek(4)
	fmt.Printf("%q %v buffered=%d\n", p, err, r.Buffered())
	p, err = r.Peek(20)
	fmt.Printf("%q %v\n", p, err)
	_, err = r.Peek(-1)
	fmt.Println(err)
	n, err := r.Discard(10)
	fmt.Println(n, err, r.Buffered())
	n, err = r.Discard(100)
	fmt.Println(n, err)
	_, err = r.Discard(-1)
	fmt.Println(err)

	// UnreadByte and UnreadRune rules.
	r = bufio.NewReader(strings.NewReader("héllo"))
	fmt.Println(r.UnreadByte(), r.UnreadRune())
	c, _ := r.ReadByte()
	fmt.Printf("%c %v\n", c, r.UnreadByte())
	fmt.Println(r.UnreadByte())
	r.ReadByte()
	ru, size, _ := r.ReadRune()
	fmt.Printf("%c %d %v\n", ru, size, r.UnreadRune())
	fmt.Println(r.UnreadRune())
	r.ReadRune()
	r.Peek(1)
	fmt.Println("after Peek:", r.UnreadRune(), r.UnreadByte())

	// Invalid UTF-8 reads as RuneError of size 1.
	r = bufio.NewReader(bytes.NewReader([]byte{0xff, 'a'}))
	ru, size, err = r.ReadRune()
	fmt.Printf("%U %d %v\n", ru, size, err)

	// Reset and WriteTo.
	r.Reset(strings.NewReader("reset data"))
	var sb strings.Builder
	w, err := r.WriteTo(&sb)
	fmt.Println(w, err, sb.String())
	_, err = r.ReadByte()
	fmt.Println(err == io.EOF)

	// NewReaderSize on a bufio.Reader big enough returns it.
	base := bufio.NewReaderSize(strings.NewReader(""), 64)
	fmt.Println(bufio.NewReaderSize(base, 32) == base, bufio.NewReaderSize(base, 128) == base)
	fmt.Println(bufio.NewReaderSize(strings.NewReader(""), 1).Size())
}
