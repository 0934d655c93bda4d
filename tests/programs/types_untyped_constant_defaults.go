package main

import "fmt"

func main() {
	a := 10
	b := 2.5
	c := 'x'
	d := "s"
	e := true
	f := 1 << 10
	g := 7 / 2
	h := 7 / 2.0
	fmt.Printf("%T %T %T %T %T %T\n", a, b, c, d, e, f)
	fmt.Println(g, h)
	var x float64 = 3
	var y int64 = 'A'
	fmt.Println(x, y)
	const big = 1 << 62
	fmt.Println(big/(1<<60), big>>61)
	const huge = 1 << 100
	fmt.Println(huge >> 98)
}
