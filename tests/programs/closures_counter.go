package main

import "fmt"

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 0 }
}

func main() {
	next, reset := counter()
	fmt.Println(next(), next(), next())
	reset()
	fmt.Println(next())
	other, _ := counter()
	fmt.Println(other(), next())
	x := 1
	add := func(d int) { x += d }
	add(10)
	add(100)
	fmt.Println(x)
	gen := func(start int) func() int {
		return func() int {
			start *= 2
			return start
		}
	}(3)
	fmt.Println(gen(), gen(), gen())
}
