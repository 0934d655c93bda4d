// package sort: the typed slices and their methods, Search and Find, Float64s with NaNs,
// Reverse, and sort.Slice of something that is not a slice (a panic, not recovered).
package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

func main() {
	ints := sort.IntSlice{5, 2, 8, 2, 9}
	ints.Sort()
	fmt.Println(ints, ints.Search(8), ints.Search(3), sort.IntsAreSorted(ints))
	strs := sort.StringSlice{"pear", "apple", "fig"}
	strs.Sort()
	fmt.Println(strs, strs.Search("fig"), sort.StringsAreSorted(strs))
	fs := []float64{3, math.NaN(), -1, math.Inf(1), 0, math.NaN()}
	sort.Float64s(fs)
	fmt.Println(fs, sort.Float64sAreSorted(fs), sort.SearchFloat64s(fs, 0))
	fl := sort.Float64Slice{2.5, 1.5}
	fl.Sort()
	fmt.Println(fl, fl.Search(2), fl.Len())
	fmt.Println(sort.SearchInts([]int{1, 3, 5}, 4), sort.SearchStrings([]string{"a", "c"}, "b"))
	i := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println(i)
	words := []string{"alpha", "beta", "delta", "gamma"}
	pos, found := sort.Find(len(words), func(i int) int { return strings.Compare("delta", words[i]) })
	fmt.Println(pos, found)
	pos, found = sort.Find(len(words), func(i int) int { return strings.Compare("charlie", words[i]) })
	fmt.Println(pos, found)
	r := []int{1, 4, 2, 8}
	sort.Sort(sort.Reverse(sort.IntSlice(r)))
	fmt.Println(r)
	s := []string{"b", "a"}
	sort.Strings(s)
	fmt.Println(s)
	sort.Slice(42, func(i, j int) bool { return false })
}
