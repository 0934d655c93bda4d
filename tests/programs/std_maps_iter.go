// maps.All, Keys and Values return iterator funcs over a map (in the map's unspecified
// order, so the program sorts what they yield); Insert adds the pairs of a sequence and
// Collect builds a new map from one.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

// enumerate yields index-word pairs of a sentence.
func enumerate(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, w := range strings.Fields(s) {
			if !yield(i, w) {
				return
			}
		}
	}
}

func main() {
	m := map[string]int{"one": 1, "two": 2, "three": 3, "four": 4}
	fmt.Println(slices.Sorted(maps.Keys(m)), slices.Sorted(maps.Values(m)))

	var pairs []string
	maps.All(m)(func(k string, v int) bool {
		pairs = append(pairs, fmt.Sprintf("%s=%d", k, v))
		return true
	})
	slices.Sort(pairs)
	fmt.Println(pairs)

	// Early stop: at most two keys.
	n := 0
	maps.Keys(m)(func(string) bool {
		n++
		return n < 2
	})
	fmt.Println("visited", n)

	byIndex := maps.Collect(enumerate("the quick brown fox"))
	fmt.Println(byIndex)
	maps.Insert(byIndex, enumerate("a b"))
	fmt.Println(byIndex)

	// Round trip: Collect(All(m)) equals m.
	back := maps.Collect(maps.All(m))
	fmt.Println(maps.Equal(back, m), len(back))

	// Invert a map: values become keys.
	inv := map[int]string{}
	maps.All(m)(func(k string, v int) bool {
		inv[v] = k
		return true
	})
	fmt.Println(inv)

	empty := maps.Collect(maps.All(map[string]bool{}))
	fmt.Println(empty == nil, len(empty))
}
