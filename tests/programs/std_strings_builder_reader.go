// strings.Builder (growth and capacities, Grow, Reset, WriteRune of invalid runes) and
// strings.Reader (Read, ReadAt, ReadByte/UnreadByte, ReadRune/UnreadRune, Seek,
// WriteTo, Reset, Len/Size) with their errors.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	var b strings.Builder
	fmt.Println(b.Len(), b.Cap(), b.String() == "")
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&b, "%d-", i)
		fmt.Print(b.Len(), "/", b.Cap(), " ")
	}
	fmt.Println()
	b.Grow(100)
	fmt.Println(b.Len(), b.Cap())
	b.WriteByte('!')
	b.WriteRune('é')
	b.WriteRune(-1)
	b.WriteRune(0x10FFFF + 1)
	n, err := b.Write([]byte(" done"))
	fmt.Printf("%q %d %v\n", b.String(), n, err)
	b.Reset()
	fmt.Println(b.Len(), b.Cap())

	r := strings.NewReader("héllo, wörld")
	fmt.Println(r.Len(), r.Size())
	buf := make([]byte, 4)
	n, err = r.Read(buf)
	fmt.Printf("%d %v %q %d\n", n, err, buf[:n], r.Len())
	ch, size, err := r.ReadRune()
	fmt.Println(string(ch), size, err, r.UnreadRune(), r.UnreadRune())
	c, _ := r.ReadByte()
	fmt.Println(string(c), r.UnreadByte(), r.UnreadByte())
	pos, err := r.Seek(-5, io.SeekEnd)
	fmt.Println(pos, err)
	rest, _ := io.ReadAll(r)
	fmt.Printf("%q\n", rest)
	n, err = r.Read(buf)
	fmt.Println(n, err)
	n, err = r.ReadAt(buf, 7)
	fmt.Printf("%d %v %q\n", n, err, buf[:n])
	n, err = r.ReadAt(buf, 12)
	fmt.Printf("%d %v %q\n", n, err, buf[:n])
	_, err = r.ReadAt(buf, -1)
	fmt.Println(err)
	_, err = r.Seek(-100, io.SeekCurrent)
	fmt.Println(err)
	_, err = r.Seek(0, 7)
	fmt.Println(err)
	r.Reset("second\n")
	wn, err := r.WriteTo(os.Stdout)
	fmt.Println(wn, err, r.Len())
	r.Seek(3, io.SeekStart)
	ch, size, _ = r.ReadRune()
	fmt.Println(string(ch), size)
}
