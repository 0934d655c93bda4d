// gc's evaluation order in an if condition: the calls come first, then the other
// operands are read (the spec leaves it open; gc's order pass hoists the calls).
package main

import "fmt"

var calls int

func f() int { calls++; fmt.Println("f called", calls); return 1 }

func main() {
	x := 5
	bump := func() int { x = 7; return 0 }
	if x+bump() == 7 {
		fmt.Println("x read after the call")
	}
	s := []int{1, 2, 3}
	i := 0
	next := func() int { i++; return s[i] }
	if s[i] < next() {
		fmt.Println("s[i] read after next:", i)
	}
	ok := true
	if ok && x == f() {
		fmt.Println("unreachable")
	}
	if !ok && x == f() {
		fmt.Println("unreachable")
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var empty []int
		if empty[0] == f() {
			fmt.Println("unreachable")
		}
	}()
	fmt.Println("calls", calls)
}
