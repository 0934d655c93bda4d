// slices.Insert past the end of the slice panics with the runtime's slice bounds error
// (its bounds check is the slice expression s[i:]); uncaught, it ends the program.
package main

import (
	"fmt"
	"slices"
)

func main() {
	s := []string{"a", "b", "c"}
	s = slices.Insert(s, 3, "d")
	fmt.Println(s)
	s = slices.Insert(s, 6, "x", "y")
	fmt.Println("not reached", s)
}
