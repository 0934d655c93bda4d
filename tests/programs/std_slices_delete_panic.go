// slices.Delete with j beyond the slice's length panics with the runtime's message for a
// 3-index slice expression (its bounds check is s[i:j:len(s)]).
package main

import (
	"fmt"
	"slices"
)

func main() {
	s := []int{10, 20, 30, 40}
	s = slices.Delete(s, 1, 2)
	fmt.Println(s)
	s = slices.Delete(s, 2, 4)
	fmt.Println("not reached", s)
}
