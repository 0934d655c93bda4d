// slices.Sort of 1,000,000 ints: the generic half of the generics sort benchmark
// (mono_sort.go runs the same pdqsort written by hand for []int).
package main

import (
	"fmt"
	"slices"
)

func main() {
	xs := make([]int, 1_000_000)
	r := uint64(88172645463325252)
	for i := range xs {
		r ^= r << 13
		r ^= r >> 7
		r ^= r << 17
		xs[i] = int(r % 1_000_000)
	}
	slices.Sort(xs)
	sum := 0
	for i, x := range xs {
		if i > 0 && xs[i-1] > x {
			fmt.Println("not sorted at", i)
			return
		}
		sum = (sum*31 + x) % 1_000_000_007
	}
	fmt.Println(xs[0], xs[len(xs)/2], xs[len(xs)-1], sum)
}
