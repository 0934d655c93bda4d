// What follows go or defer must be a call, not parenthesized: gc reports both among the
// type errors, by position (its parser notes the parentheses without stopping, and its
// checker what is inside them when it is not a call).
package main

func main() {
	var x int = "s"
	defer 1
	go (f())
	defer x
	defer (x)
}

func f() {}
