package main

import "fmt"

func main() {
	var a []int
	b := []int{}
	c := make([]int, 0)
	fmt.Println(a == nil, b == nil, c == nil)
	fmt.Println(len(a), cap(a), len(b), cap(b))
	fmt.Println(a, b, c)
	fmt.Printf("%v %v %#v %#v\n", a, b, a, b)
	a = append(a, 1)
	fmt.Println(a, a == nil)
	for range []int(nil) {
		fmt.Println("never")
	}
	var d []string
	d = d[:0]
	fmt.Println(d == nil, len(d))
	e := b[:0]
	fmt.Println(e == nil)
	var f []int
	fmt.Println(len(f[0:0]), f[:] == nil)
}
