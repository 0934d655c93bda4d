// slices.BinarySearch returns the first position where the target is or would be and
// whether it is there (NaN finds NaN); BinarySearchFunc searches with a comparison of
// element and target, which may have different types.
package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

type entry struct {
	word  string
	count int
}

func main() {
	s := []int{1, 3, 3, 3, 7, 9, 12}
	for _, t := range []int{0, 1, 2, 3, 4, 9, 12, 13} {
		i, found := slices.BinarySearch(s, t)
		fmt.Printf("%d -> %d %v\n", t, i, found)
	}
	var empty []string
	fmt.Println(slices.BinarySearch(empty, "x"))

	fs := []float64{math.NaN(), -1, 0, 2.5}
	fmt.Println(slices.BinarySearch(fs, math.NaN()))
	fmt.Println(slices.BinarySearch(fs, 2.5))
	fmt.Println(slices.BinarySearch(fs, math.Inf(1)))

	// Insert keeping the slice sorted.
	var sorted []string
	for _, w := range strings.Fields("kiwi apple mango apple banana cherry") {
		i, found := slices.BinarySearch(sorted, w)
		if !found {
			sorted = slices.Insert(sorted, i, w)
		}
	}
	fmt.Println(sorted)

	entries := []entry{{"ant", 3}, {"bee", 1}, {"cat", 8}, {"dog", 2}, {"eel", 5}}
	byWord := func(e entry, target string) int { return strings.Compare(e.word, target) }
	for _, w := range []string{"cat", "cow", "aardvark", "zebra"} {
		i, found := slices.BinarySearchFunc(entries, w, byWord)
		fmt.Println(w, i, found)
	}
	// Searching by a key of another type: the first entry with a count >= 4 after
	// sorting by count.
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.count, b.count) })
	i, found := slices.BinarySearchFunc(entries, 4, func(e entry, n int) int { return cmp.Compare(e.count, n) })
	fmt.Println(entries, i, found, entries[i])
}
