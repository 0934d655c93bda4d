// slices.Replace with i > j panics with the runtime's slice bounds error (its bounds
// check is s[i:j]); uncaught, the program exits with status 2.
package main

import (
	"fmt"
	"slices"
)

func main() {
	s := []string{"x", "y", "z"}
	fmt.Println(slices.Replace(s, 0, 1, "w"))
	fmt.Println(slices.Replace(s, 2, 1, "never"))
}
