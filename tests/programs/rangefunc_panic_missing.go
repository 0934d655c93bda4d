package main

import "fmt"

// An iterator that recovers a panic of the loop body and returns normally:
// "range function recovered a loop body panic and did not resume panicking".

func quiet(yield func(int, int) bool) {
	defer func() {
		fmt.Println("iterator recovered:", recover())
	}()
	yield(1, 2)
	fmt.Println("not reached")
}

func main() {
	defer fmt.Println("main's defer runs")
	for a, b := range quiet {
		fmt.Println("body", a, b)
		var p *int
		fmt.Println(*p)
	}
	fmt.Println("not reached")
}
