package main

import "fmt"

var pa, pb = 1, 2, 3
var pc, pd, pe = 1, 2

const (
	ca, cb = 1, 2, 3
	cc, cd
	ce
)

type T int

func main() {
	var a, b, c = 1, 2
	var d, e int = 1, 2, 3
	const f, g = 1
	var t T
	t()
	x := 5
	fmt.Println(x())
	fmt.Println(a, b, c, d, e, f, g)
}
