// A case body whose `fallthrough` comes after a switch nested in it still falls through
// to the next case (the nested switch used to forget the enclosing case's target; found
// by the differential generator, tests/differential.rs).
package main

import "fmt"

func main() {
	n := 0
	switch int(0) {
	case 0, -2:
		if 1 > n {
			switch {
			case true:
				fmt.Println("inner")
			default:
			}
		}
		fallthrough
	default:
		fmt.Println("default after fallthrough")
	}
	switch n {
	case 0:
		switch n + 1 {
		case 1:
			fmt.Println("nested one")
			fallthrough
		case 2:
			fmt.Println("nested two")
		}
		fallthrough
	case 1:
		fmt.Println("outer one")
		fallthrough
	default:
		fmt.Println("outer default")
	}
}
