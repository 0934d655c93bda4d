package main

import "fmt"

// defer in a range-over-func loop body runs when the function containing the loop returns
// (not when the synthesized body function returns), in LIFO order with the function's own
// defers; the iterator's defers run when the iterator returns.

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("iterator defer, n =", n)
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func simple() {
	defer fmt.Println("defer before the loop")
	for x := range count(3) {
		defer fmt.Println("body defer", x)
		fmt.Println("body", x)
	}
	defer fmt.Println("defer after the loop")
	fmt.Println("simple returns")
}

func named() (r int) {
	for x := range count(4) {
		defer func() { r = r*10 + x }()
		if x == 2 {
			return 9
		}
	}
	return -1
}

func nested() {
	for x := range count(2) {
		for y := range count(2) {
			defer fmt.Println("nested defer", x, y)
		}
	}
	fmt.Println("nested returns")
}

func inLiteral() {
	for x := range count(2) {
		func() {
			defer fmt.Println("literal's own defer", x)
		}()
		defer fmt.Println("inLiteral body defer", x)
	}
	fmt.Println("inLiteral returns")
}

func withArgs() {
	v := 1
	for x := range count(2) {
		defer fmt.Println("args evaluated at the defer:", x, v)
		v *= 10
	}
	fmt.Println("withArgs returns, v =", v)
}

func loopAround() {
	for i := 0; i < 2; i++ {
		for x := range count(1) {
			defer fmt.Println("loopAround", i, x)
		}
	}
}

func main() {
	simple()
	fmt.Println(named())
	nested()
	inLiteral()
	withArgs()
	loopAround()
}
