package main

// return, labelled break and defer in range-over-func bodies: the #next variable and
// renamed results (#rv1) are captured by reference; a body's defer outlives the body.

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func find(n int) (int, string) {
	for x := range count(n) {
		for y := range count(n) {
			if x+y == 3 {
				return x * y, "found"
			}
		}
	}
	return 0, ""
}

func deferred(n int) (r int) {
	for x := range count(n) {
		defer func() { r += x }()
		if x == 2 {
			return x
		}
	}
	return -1
}

func labelled() int {
	c := 0
Outer:
	for x := range count(4) {
		for y := range count(4) {
			if y > x {
				continue Outer
			}
			if x == 3 {
				break Outer
			}
			c++
		}
	}
	return c
}

func main() {
	a, b := find(4)
	println(a, b, deferred(5), labelled())
}
