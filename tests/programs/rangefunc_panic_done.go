package main

import "fmt"

// An iterator that ignores yield's false and calls it again: Go's run-time error
// "range function continued iteration after function for loop body returned false".

func stubborn(yield func(int) bool) {
	for i := 0; i < 5; i++ {
		ok := yield(i)
		fmt.Println("yield", i, "returned", ok)
	}
}

func main() {
	for x := range stubborn {
		fmt.Println("body", x)
		if x == 1 {
			break
		}
	}
	fmt.Println("not reached")
}
