// The byte searches Go writes in assembly (internal/bytealg: IndexByte, IndexByteString,
// Count, CountString), reached through strings and bytes: empty inputs, a byte at either
// end, zero and 0xff bytes, and bytes of multi-byte runes.
package main

import (
	"bytes"
	"fmt"
	"strings"
)

func main() {
	s := "a,b,,c,"
	fmt.Println(strings.Count(s, ","), strings.Count("", ","), strings.Count(",", ","))
	fmt.Println(strings.IndexByte(s, ','), strings.IndexByte(s, 'c'), strings.IndexByte(s, 'z'), strings.IndexByte("", 'a'))
	fmt.Println(strings.Index(s, ","), strings.Index("héllo", "l"), strings.ContainsRune("héllo", 'é'))
	fmt.Printf("%q\n", strings.Split(s, ","))
	fmt.Printf("%q\n", strings.SplitN("x:y:z", ":", 2))
	fmt.Println(len(strings.Split(strings.Repeat("ab,", 1000), ",")))
	z := "\x00\xff\x00é\xff"
	fmt.Println(strings.Count(z, "\x00"), strings.Count(z, "\xff"), strings.IndexByte(z, 0xff), strings.IndexByte(z, 0xc3), strings.IndexByte(z, 0xa9))
	fmt.Println(strings.Count("héé", "é"), strings.Count("five", ""))

	b := []byte("x=1;y=2;;")
	fmt.Println(bytes.Count(b, []byte(";")), bytes.IndexByte(b, ';'), bytes.IndexByte(b, '!'), bytes.IndexByte(nil, 'a'))
	fmt.Println(bytes.Count(nil, []byte("a")), bytes.Count([]byte{0, 0, 0}, []byte{0}))
	fmt.Printf("%q\n", bytes.Split(b, []byte(";")))
	fmt.Println(strings.Fields(" a  b\tc\n"), strings.TrimRight("xx--", "-"))
	fmt.Println(strings.Cut("k=v", "="))
	fmt.Println(strings.LastIndexByte(s, ','), strings.IndexAny("golang", "nl"), strings.ContainsAny("abc", "xyzc"))
}
