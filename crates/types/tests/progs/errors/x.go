package main

import "strings"

type T struct{ a int }

func f(a, b int) int { return a }

func main() {
	x := 1
	x := 2
	var y int
	y = 3
	var z int8 = 300
	f(1)
	f(1, 2, 3)
	var s string = x
	_ = s
	var t T
	t.foo()
	_ = 1 + "a"
}

func g() int {
	for {
		break
	}
}
