// bytes.Buffer as a writer: Write, WriteString, WriteByte, WriteRune, fmt.Fprintf into it,
// and how the storage grows (Len, Cap, Available, Grow, AvailableBuffer), is truncated
// and reset, as Go's does.
package main

import (
	"bytes"
	"fmt"
	"strconv"
)

func show(label string, b *bytes.Buffer) {
	fmt.Printf("%-22s len=%-4d cap=%-4d avail=%-4d %q\n", label, b.Len(), b.Cap(), b.Available(), clip(b.String()))
}

func clip(s string) string {
	if len(s) > 24 {
		return s[:10] + "..." + s[len(s)-10:]
	}
	return s
}

func main() {
	var b bytes.Buffer
	show("zero", &b)
	b.WriteString("hello")
	show("WriteString", &b)
	b.WriteByte(',')
	b.WriteRune(' ')
	n, _ := b.WriteRune('世')
	fmt.Println("WriteRune wrote", n)
	n, _ = b.WriteRune(-1)
	fmt.Println("WriteRune(-1) wrote", n)
	b.Write([]byte("界!"))
	show("mixed writes", &b)

	// Growth: the first allocation holds 64 bytes, then capacity at least doubles.
	var g bytes.Buffer
	last := -1
	for i := 0; i < 400; i++ {
		g.WriteString(strconv.Itoa(i % 10))
		if g.Cap() != last {
			fmt.Printf("after %d bytes: cap %d\n", g.Len(), g.Cap())
			last = g.Cap()
		}
	}

	// A first write larger than 64 bytes allocates what append would.
	var big bytes.Buffer
	big.Write(make([]byte, 100))
	show("100-byte write", &big)
	big.Write(make([]byte, 1000))
	show("then 1000 more", &big)

	// Grow reserves room without changing the length.
	var h bytes.Buffer
	h.Grow(10)
	show("Grow(10)", &h)
	h.Grow(200)
	show("Grow(200)", &h)
	h.WriteString("abc")
	h.Grow(5)
	show("Grow(5) with room", &h)

	// AvailableBuffer: append into the spare capacity, then Write it.
	ab := h.AvailableBuffer()
	fmt.Println("AvailableBuffer len/cap:", len(ab), cap(ab) == h.Available())
	ab = strconv.AppendInt(ab, -12345, 10)
	ab = append(ab, ' ')
	ab = strconv.AppendQuote(ab, "q")
	h.Write(ab)
	show("after AvailableBuffer", &h)

	// Truncate keeps the first n unread bytes; Truncate(0) is Reset.
	t := bytes.NewBufferString("0123456789abcdefghijklmnopqrstuvwxyz")
	show("NewBufferString", t)
	t.Truncate(4)
	show("Truncate(4)", t)
	t.WriteString("xyz")
	show("write after truncate", t)
	capBefore := t.Cap()
	t.Truncate(0)
	show("Truncate(0)", t)
	fmt.Println("storage kept:", t.Cap() == capBefore)
	t.WriteString("again")
	t.Reset()
	show("Reset", t)

	// NewBuffer with spare capacity writes in place.
	backing := make([]byte, 0, 16)
	nb := bytes.NewBuffer(backing)
	nb.WriteString("in place")
	show("NewBuffer(cap 16)", nb)
	fmt.Println("shares backing:", string(backing[:8]))
	nb.WriteString(" -- and now it must move")
	show("outgrown", nb)

	// fmt writes through Write.
	var f bytes.Buffer
	for i := 1; i <= 3; i++ {
		fmt.Fprintf(&f, "%d:%s;", i, bytes.Repeat([]byte{'*'}, i))
	}
	fmt.Fprintln(&f, "done")
	fmt.Print(f.String())

	var nilBuf *bytes.Buffer
	fmt.Println(nilBuf.String(), nilBuf)
	fmt.Println(&b)
}
