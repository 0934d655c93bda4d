package main

import "fmt"

func main() {
	s := "héllo"
	b := []byte(s)
	r := []rune(s)
	fmt.Println(len(s), len(b), len(r))
	fmt.Println(b)
	fmt.Println(r)
	fmt.Println(string(b[1:3]), string(r[1]))
	b[0] = 'H'
	fmt.Println(string(b), s)
	r[4] = 'O'
	fmt.Println(string(r))
	fmt.Println(string(rune(0x4e16)), string(rune(-1)))
	bs := []byte{0x67, 0x6f}
	fmt.Println(string(bs) + "!")
}
