// slices.Compact keeps the first of each run of equal elements and zeroes the vacated
// tail; CompactFunc decides equality with a function; both keep nil nil.
package main

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

func main() {
	s := []int{1, 1, 2, 3, 3, 3, 4, 1, 1}
	c := slices.Compact(s)
	fmt.Println(c, len(c), cap(c), "array:", s)

	fmt.Println(slices.Compact([]int{1, 2, 3}), slices.Compact([]int{7, 7, 7, 7}))
	var nilS []string
	fmt.Println(slices.Compact(nilS) == nil, slices.Compact([]string{}) == nil, slices.Compact([]string{"a"}))

	// NaN != NaN, so NaNs are never compacted together.
	fs := []float64{math.NaN(), math.NaN(), 1, 1}
	fmt.Println(slices.Compact(fs))

	// Sort then Compact: the distinct values.
	words := strings.Fields("b a c a b d c a")
	slices.Sort(words)
	fmt.Printf("%q\n", slices.Compact(words))

	// CompactFunc: case-insensitive runs keep their first spelling.
	names := []string{"Go", "GO", "go", "Rust", "rust", "Go", "C"}
	fmt.Printf("%q %q\n", slices.CompactFunc(names, strings.EqualFold), names)

	// Runs by a key: numbers in the same decade.
	nums := []int{11, 15, 19, 23, 21, 35, 31, 30, 48}
	fmt.Println(slices.CompactFunc(nums, func(a, b int) bool { return a/10 == b/10 }), nums)

	type pt struct{ x, y int }
	ptrs := []*pt{{1, 1}, {1, 1}, {2, 2}}
	cp := slices.CompactFunc(ptrs, func(a, b *pt) bool { return *a == *b })
	fmt.Println(len(cp), *cp[0], *cp[1], ptrs[2] == nil)
}
