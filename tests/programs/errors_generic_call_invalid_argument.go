// A generic call with an undefined argument: the argument's error only, no inference error.
package main

import (
	"fmt"
	"slices"
)

func main() {
	s := slices.Insert(small, 1, 5)
	fmt.Println(s, slices.Index(nope, 3), slices.Max(zz))
}
