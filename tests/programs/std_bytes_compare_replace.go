// bytes' comparison and construction: Equal and Compare (nil equals empty), Clone (nil
// stays nil), HasPrefix/HasSuffix, Cut/CutPrefix/CutSuffix (results alias the input),
// Replace/ReplaceAll (n limits, empty old, always a copy), Repeat and Join, with the
// lengths and capacities Go gives the new slices.
package main

import (
	"bytes"
	"fmt"
	"slices"
)

func main() {
	a, b := []byte("apple"), []byte("apricot")
	fmt.Println(bytes.Equal(a, b), bytes.Equal(nil, []byte{}), bytes.Equal(a, []byte("apple")))
	fmt.Println(bytes.Compare(a, b), bytes.Compare(b, a), bytes.Compare(a, a), bytes.Compare(nil, []byte{}), bytes.Compare([]byte("a"), []byte("ab")), bytes.Compare([]byte{0xff}, []byte{0x7f}))

	words := [][]byte{[]byte("pear"), []byte("Apple"), []byte("apple"), []byte("fig"), nil, []byte("Äpfel")}
	slices.SortFunc(words, bytes.Compare)
	fmt.Printf("%q\n", words)

	c := bytes.Clone(a)
	c[0] = 'A'
	fmt.Printf("%s %s len=%d cap=%d\n", a, c, len(c), cap(c))
	fmt.Println(bytes.Clone(nil) == nil, bytes.Clone([]byte{}) == nil, cap(bytes.Clone([]byte{})))

	fmt.Println(bytes.HasPrefix(a, []byte("app")), bytes.HasPrefix(a, nil), bytes.HasSuffix(a, []byte("ple")), bytes.HasSuffix(a, []byte("apple!")))

	line := []byte("Content-Type: text/plain; charset=utf-8")
	k, v, ok := bytes.Cut(line, []byte(": "))
	fmt.Printf("%q %q %t\n", k, v, ok)
	v[0] = 'T' // v aliases line
	k, v, ok = bytes.Cut(line, []byte("=>"))
	fmt.Printf("%q %q %t nil=%t\n", k, v, ok, v == nil)
	fmt.Printf("%s\n", line)
	rest, ok := bytes.CutPrefix(line, []byte("Content-"))
	fmt.Printf("%q %t\n", rest, ok)
	rest, ok = bytes.CutPrefix(line, []byte("X-"))
	fmt.Printf("%t %t\n", ok, &rest[0] == &line[0])
	before, ok := bytes.CutSuffix([]byte("main.go"), []byte(".go"))
	fmt.Printf("%q %t\n", before, ok)
	before, ok = bytes.CutSuffix([]byte("main.go"), nil)
	fmt.Printf("%q %t\n", before, ok)

	s := []byte("oink oink oink")
	for _, n := range []int{-1, 0, 1, 2, 5} {
		r := bytes.Replace(s, []byte("oink"), []byte("moo"), n)
		fmt.Printf("Replace n=%d %q len=%d cap=%d\n", n, r, len(r), cap(r))
	}
	fmt.Printf("%q\n", bytes.ReplaceAll([]byte("héllo"), nil, []byte("|")))
	fmt.Printf("%q\n", bytes.Replace([]byte("héllo"), []byte(""), []byte("-"), 3))
	fmt.Printf("%q\n", bytes.ReplaceAll([]byte("a\xffb"), []byte{}, []byte(".")))
	same := bytes.ReplaceAll(s, []byte("x"), []byte("y"))
	same[0] = 'O'
	fmt.Printf("%s | %s\n", s, same)
	fmt.Println(bytes.Replace(nil, []byte("a"), []byte("b"), -1) == nil, bytes.Replace([]byte{}, nil, []byte("b"), -1))

	for _, n := range []int{0, 1, 3} {
		r := bytes.Repeat([]byte("ab"), n)
		fmt.Printf("Repeat %d %q len=%d cap=%d nil=%t\n", n, r, len(r), cap(r), r == nil)
	}
	r := bytes.Repeat([]byte("-="), 2000)
	fmt.Println(len(r), cap(r), bytes.Count(r, []byte("=-")), string(r[3990:]))
	fmt.Printf("%q %d\n", bytes.Repeat(nil, 5), cap(bytes.Repeat([]byte{}, 100)))

	j := bytes.Join([][]byte{[]byte("usr"), []byte("local"), []byte("bin")}, []byte("/"))
	fmt.Printf("%s len=%d cap=%d\n", j, len(j), cap(j))
}
