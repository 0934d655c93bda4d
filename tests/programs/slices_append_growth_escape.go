// Go 1.25+/1.26 cap after append depends on escape analysis:
// non-escaping slices start in a 32-byte stack buffer, returned ones use move2heap.
package main

import "fmt"

var sink []int
var sinkS []string

func grow(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
		fmt.Print(cap(s), " ")
	}
	fmt.Println()
	return s
}

func growG(n int) {
	for i := 0; i < n; i++ {
		sink = append(sink, i)
		fmt.Print(cap(sink), " ")
	}
	fmt.Println()
}

func main() {
	grow(12)
	growG(12)
	s := make([]int, 0)
	for i := 0; i < 12; i++ {
		s = append(s, i)
		fmt.Print(cap(s), " ")
	}
	fmt.Println()
	t := []int{1, 2, 3}
	t = append(t, 4)
	fmt.Println(cap(t))
	sink = t
	u := []int{1, 2, 3}
	u = append(u, 4)
	fmt.Println(cap(u))
	sinkS = append(sinkS, "a", "b", "c")
	fmt.Println(cap(sinkS))
}
