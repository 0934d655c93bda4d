// gc looks for duplicate case values among integer, float and string constants only:
// a tagless switch may repeat `true`, a bool switch may repeat `false` (found by the
// differential generator, tests/differential.rs).
package main

import "fmt"

func main() {
	x := 3
	switch {
	case x > 5:
		fmt.Println("big")
	case true:
		fmt.Println("first true")
	case true:
		fmt.Println("second true")
	}
	b := x == 3
	switch b {
	case false:
		fmt.Println("false")
	case false, true:
		fmt.Println("false or true")
	}
	switch 1 + 2i {
	case 1 + 2i:
		fmt.Println("complex")
	case 1 + 2i:
		fmt.Println("again")
	}
}
