package main

import "fmt"

func main() {
	var a uint = 0
	a--
	fmt.Println(a)
	var b uint8 = 0
	b -= 1
	fmt.Println(b)
	var c uint16 = 3
	c -= 5
	fmt.Println(c)
	var d uint32 = 0
	d = d - 1
	fmt.Println(d)
	var e uint64 = 10
	fmt.Println(e - 11)
	var f uint8 = 200
	fmt.Println(f+100, f*2)
	var x uint = 5
	fmt.Println(-x)
}
