// bytes.Buffer as a reader: Read, Next, Peek, ReadByte/UnreadByte, ReadRune/UnreadRune
// (and their errors), ReadBytes and ReadString, and how reading frees room that later
// writes reuse (the unread bytes slide down instead of growing the storage).
package main

import (
	"bytes"
	"fmt"
	"io"
)

func main() {
	b := bytes.NewBufferString("key=value\nname=gosub\nlang=Go ✓\ntail")
	for {
		line, err := b.ReadString('\n')
		fmt.Printf("line %q err=%v\n", line, err)
		if err != nil {
			break
		}
	}
	fmt.Println("empty:", b.Len())
	n, err := b.Read(make([]byte, 4))
	fmt.Println("Read on empty:", n, err)
	n, err = b.Read(nil)
	fmt.Println("Read(nil) on empty:", n, err)

	b = bytes.NewBufferString("héllo, wörld")
	p := make([]byte, 3)
	n, _ = b.Read(p)
	fmt.Printf("Read %d %q, rest %q\n", n, p[:n], b.String())
	fmt.Printf("UnreadByte after Read: %v %q\n", b.UnreadByte(), b.String())
	fmt.Println("UnreadRune after Read:", b.UnreadRune())

	r, size, err := b.ReadRune()
	fmt.Printf("ReadRune %q %d %v\n", r, size, err)
	r, size, err = b.ReadRune()
	fmt.Printf("ReadRune %q %d %v\n", r, size, err)
	fmt.Println("UnreadRune:", b.UnreadRune(), b.String())
	fmt.Println("UnreadRune twice:", b.UnreadRune())
	b.ReadRune()
	fmt.Println("UnreadByte after ReadRune:", b.UnreadByte(), b.String())

	c, err := b.ReadByte()
	fmt.Printf("ReadByte %q %v\n", c, err)
	b.WriteString("!")
	fmt.Println("UnreadByte after write:", b.UnreadByte())

	next := b.Next(4)
	fmt.Printf("Next(4) %q rest %q\n", next, b.String())
	peek, err := b.Peek(3)
	fmt.Printf("Peek(3) %q %v rest %q\n", peek, err, b.String())
	peek, err = b.Peek(100)
	fmt.Printf("Peek(100) %q %v\n", peek, err)
	fmt.Printf("Next(100) %q, Next(1) %q\n", b.Next(100), b.Next(1))

	line, err := bytes.NewBufferString("a;b").ReadBytes(';')
	fmt.Printf("ReadBytes %q %v cap>=len %v\n", line, err, cap(line) >= len(line))

	// Invalid UTF-8 reads as U+FFFD, one byte at a time.
	bad := bytes.NewBuffer([]byte{'a', 0xff, 0xe2, 0x82, 'z'})
	for {
		r, size, err := bad.ReadRune()
		if err == io.EOF {
			fmt.Println("EOF")
			break
		}
		fmt.Printf("%U/%d ", r, size)
	}

	// Reading frees room at the front: the data slides down rather than grow.
	var s bytes.Buffer
	s.Write(bytes.Repeat([]byte("x"), 60))
	fmt.Println("cap", s.Cap())
	s.Next(50)
	s.Write(bytes.Repeat([]byte("y"), 20))
	fmt.Println("after Next(50)+20: len", s.Len(), "cap", s.Cap(), s.String())
	s.Next(25)
	s.Write(bytes.Repeat([]byte("z"), 40))
	fmt.Println("after Next(25)+40: len", s.Len(), "cap", s.Cap())

	// A Buffer is an io.Reader, io.ByteScanner and io.RuneScanner.
	var rd io.Reader = bytes.NewBufferString("x")
	_, isBS := rd.(io.ByteScanner)
	_, isRS := rd.(io.RuneScanner)
	_, isWT := rd.(io.WriterTo)
	_, isRF := rd.(io.ReaderFrom)
	fmt.Println(isBS, isRS, isWT, isRF)
}
