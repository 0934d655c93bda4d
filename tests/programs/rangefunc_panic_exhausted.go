package main

import "fmt"

// An iterator that keeps the yield function and calls it after the loop is over:
// "range function continued iteration after whole loop exit".

var saved func(string) bool

func keep(yield func(string) bool) {
	saved = yield
	yield("first")
}

func main() {
	for s := range keep {
		fmt.Println("body", s)
	}
	fmt.Println("loop over")
	saved("again")
	fmt.Println("not reached")
}
