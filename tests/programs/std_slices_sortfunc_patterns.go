// slices.SortFunc and Sort on inputs that exercise every path of pdqsort: already sorted
// (partial insertion sort), reversed (the decreasing hint), sawtooth and organ-pipe
// shapes (unbalanced partitions and breakPatterns), all-equal keys (partitionEqual), few
// distinct keys and short inputs (insertion sort). The number of comparisons equals Go's,
// and a checksum of the ids in the final order shows that ties land where Go puts them.
package main

import (
	"cmp"
	"fmt"
	"slices"
)

type item struct {
	key, id int
}

var ncmp int // comparisons made by the last sort: Go's count, call for call

func byKey(a, b item) int {
	ncmp++
	return cmp.Compare(a.key, b.key)
}

func checksum(s []item) int {
	h := 7
	for i, it := range s {
		h = (h*131 + it.id*(i+1) + it.key) % 1000003
	}
	return h
}

func run(name string, keys []int) {
	s := make([]item, len(keys))
	for i, k := range keys {
		s[i] = item{k, i}
	}
	ncmp = 0
	slices.SortFunc(s, byKey)
	cmps := ncmp
	ints := slices.Clone(keys)
	slices.Sort(ints)
	ok := slices.IsSortedFunc(s, byKey) && slices.IsSorted(ints)
	fmt.Printf("%-12s n=%-5d sorted=%v cmps=%-6d checksum=%d head=%v\n", name, len(keys), ok, cmps, checksum(s), s[:min(4, len(s))])
}

func main() {
	const n = 2000
	gen := func(f func(i int) int) []int {
		k := make([]int, n)
		for i := range k {
			k[i] = f(i)
		}
		return k
	}
	seed := uint32(7)
	rnd := func() int {
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		return int(seed % 1000)
	}
	run("sorted", gen(func(i int) int { return i / 3 }))
	run("reversed", gen(func(i int) int { return (n - i) / 3 }))
	run("sawtooth", gen(func(i int) int { return i % 37 }))
	run("organpipe", gen(func(i int) int { return min(i, n-i) / 2 }))
	run("allequal", gen(func(i int) int { return 5 }))
	run("twokeys", gen(func(i int) int { return (i * 7919) % 2 }))
	run("random", gen(func(i int) int { return rnd() }))
	run("fewdistinct", gen(func(i int) int { return rnd() % 4 }))
	nearly := gen(func(i int) int { return i })
	nearly[10], nearly[1500] = nearly[1500], nearly[10]
	nearly[700], nearly[701] = nearly[701], nearly[700]
	run("nearlysorted", nearly)
	run("pushfront", gen(func(i int) int { return (i + 1) % n }))
	run("descending2", gen(func(i int) int { return (n - i) % 100 }))
	for _, m := range []int{0, 1, 2, 11, 12, 13, 49, 50, 51} {
		run(fmt.Sprintf("short%d", m), gen(func(i int) int { return (i * 5) % 3 })[:m])
	}

	// Sort on floats puts NaNs first, as cmp.Less orders them.
	nan := 0.0
	nan = nan / nan
	fs := []float64{3, nan, -1, 2.5, nan, 0, -7}
	slices.Sort(fs)
	fmt.Println(fs, slices.IsSorted(fs))
	strs := []string{"pear", "Apple", "fig", "apple", "", "Fig"}
	slices.Sort(strs)
	fmt.Printf("%q\n", strs)
}
