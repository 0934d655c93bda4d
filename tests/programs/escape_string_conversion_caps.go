// The capacities gc gives []byte(s) and []rune(s): a constant converts to exactly its
// length (a [n]byte array, or a []rune{...} literal), escaping or not; anything else to
// a 32-element frame buffer when the result does not escape, else to a size class.
package main

import "fmt"

var sinkB []byte
var sinkR []rune

const greeting = "hello, world"

func main() {
	// Constants, mutated so that the conversion must copy.
	b := []byte("hello")
	b[0] = 'H'
	fmt.Println("const local:", len(b), cap(b), string(b))
	sinkB = []byte("hello")
	fmt.Println("const escaping:", len(sinkB), cap(sinkB))
	sinkB = []byte(greeting + "!")
	fmt.Println("named const escaping:", len(sinkB), cap(sinkB))
	long := []byte("a string constant that is longer than thirty-two bytes")
	long[0] = 'A'
	fmt.Println("long const local:", len(long), cap(long))
	e := []byte("")
	e = append(e, 'x')
	fmt.Println("empty const then append:", len(e), cap(e))

	// Dynamic strings.
	s := "dynamic"
	d := []byte(s)
	d[0] = 'D'
	fmt.Println("dynamic local:", len(d), cap(d), string(d))
	sinkB = []byte(s)
	fmt.Println("dynamic escaping:", len(sinkB), cap(sinkB))
	s2 := s + " and longer than thirty-two bytes in all"
	d2 := []byte(s2)
	d2[0] = 'X'
	fmt.Println("long dynamic local:", len(d2), cap(d2))
	empty := ""
	de := []byte(empty)
	de = append(de, "abc"...)
	fmt.Println("empty dynamic then append:", len(de), cap(de))

	// Runes: a constant becomes a literal of exactly its runes (invalid bytes one each).
	r := []rune("héllo")
	r[0] = 'H'
	fmt.Println("const runes local:", len(r), cap(r), string(r))
	sinkR = []rune("héllo, wörld")
	fmt.Println("const runes escaping:", len(sinkR), cap(sinkR))
	bad := []rune("a\xe2\x82b\xff")
	fmt.Println("const invalid runes:", len(bad), cap(bad), bad)
	rs := []rune(s)
	rs[0] = 'd'
	fmt.Println("dynamic runes local:", len(rs), cap(rs))
	sinkR = []rune(s)
	fmt.Println("dynamic runes escaping:", len(sinkR), cap(sinkR))

	// In a loop, each iteration gets a fresh copy of the constant.
	var kept [][]byte
	for i := 0; i < 3; i++ {
		c := []byte("ab")
		c[1] = byte('0' + i)
		kept = append(kept, c)
	}
	fmt.Printf("%q %d\n", kept, cap(kept[2]))
	for i := 0; i < 2; i++ {
		c := []byte("xy")
		c[0] = byte('0' + i)
		fmt.Println(string(c), cap(c))
	}
}
