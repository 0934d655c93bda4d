// What follows go or defer must be a call, not parenthesized: gc reports both among the
// type errors, by position (its parser notes the parentheses without stopping).
package main

func main() {
	var x int = "s"
	defer 1
	go (f())
	defer x
}

func f() {}
