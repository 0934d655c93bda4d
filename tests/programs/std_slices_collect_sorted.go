// slices.Collect and AppendSeq gather a sequence into a slice (Collect of an empty one is
// nil; AppendSeq keeps the nilness of its slice); Sorted, SortedFunc collect and sort.
// The sequences are ordinary functions, from slices, from maps and hand-written.
package main

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

// fib yields Fibonacci numbers below limit.
func fib(limit int) iter.Seq[int] {
	return func(yield func(int) bool) {
		a, b := 0, 1
		for a < limit {
			if !yield(a) {
				return
			}
			a, b = b, a+b
		}
	}
}

func main() {
	fmt.Println(slices.Collect(fib(100)))
	empty := slices.Collect(fib(0))
	fmt.Println(empty == nil, len(empty))

	base := []int{-1, -2}
	fmt.Println(slices.AppendSeq(base, fib(10)))
	var nilS []int
	fmt.Println(slices.AppendSeq(nilS, fib(0)) == nil, slices.AppendSeq([]int{}, fib(0)) == nil)

	ages := map[string]int{"zoe": 31, "adam": 45, "mia": 27, "li": 31}
	fmt.Println(slices.Sorted(maps.Keys(ages)))
	fmt.Println(slices.Sorted(maps.Values(ages)))
	byLen := func(a, b string) int {
		return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
	}
	fmt.Println(slices.SortedFunc(maps.Keys(ages), byLen))
	fmt.Println(slices.Sorted(slices.Values([]float64{2.5, -1, 0})))
	fmt.Println(slices.Sorted(fib(0)) == nil)

	// Collect copies: the result does not share the source's array.
	src := []string{"x", "y"}
	cp := slices.Collect(slices.Values(src))
	cp[0] = "changed"
	fmt.Println(src, cp)
}
