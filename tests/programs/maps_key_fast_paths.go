// Map keys compared by their bytes (integers of every width, booleans, pointers,
// channels), strings compared in place, and the rest compared in Go's order; tables
// rebuilt as they grow, shrink and are refreshed after the collector moved pointer keys.
package main

import (
	"fmt"
	"runtime"
	"sort"
)

type node struct{ v int }

type pair struct {
	a int8
	b string
}

func main() {
	// Narrow signed and unsigned keys: equal only when every byte is.
	m8 := map[int8]int{}
	for i := -128; i < 128; i++ {
		m8[int8(i)] = i * 2
	}
	fmt.Println(len(m8), m8[-128], m8[-1], m8[0], m8[127])
	mu16 := map[uint16]string{65535: "max", 0: "zero", 256: "b"}
	fmt.Println(mu16[65535], mu16[0], mu16[256], mu16[255] == "")
	mb := map[bool]int{true: 1}
	mb[false]--
	fmt.Println(mb[true], mb[false], len(mb))

	// Strings: the empty string, shared prefixes, equal lengths.
	ms := map[string]int{"": 1, "a": 2, "ab": 3, "ba": 4, "abc": 5}
	ms["a"+"b"] += 10
	fmt.Println(ms[""], ms["a"], ms["ab"], ms["ba"], ms["abc"], ms["abd"])
	delete(ms, "")
	_, ok := ms[""]
	fmt.Println(ok, len(ms))

	// Growth from empty, deletes (tombstones) and reinserts.
	mi := map[int]int{}
	for i := 0; i < 5000; i++ {
		mi[i*7-9000] = i
	}
	for i := 0; i < 5000; i += 2 {
		delete(mi, i*7-9000)
	}
	for i := 0; i < 5000; i += 4 {
		mi[i*7-9000] = -i
	}
	sum := 0
	for k, v := range mi {
		sum += k ^ v
	}
	fmt.Println(len(mi), sum, mi[-9000], mi[7-9000], mi[14-9000])

	// Pointer and channel keys survive collections that move their objects.
	mp := map[*node]int{}
	var keep []*node
	for i := 0; i < 300; i++ {
		n := &node{i}
		keep = append(keep, n)
		mp[n] = i
		if i%50 == 0 {
			runtime.GC()
		}
	}
	runtime.GC()
	found := 0
	for _, n := range keep {
		if mp[n] == n.v {
			found++
		}
	}
	fmt.Println(len(mp), found, mp[&node{1}])
	c1, c2 := make(chan int), make(chan int)
	mc := map[chan int]string{c1: "one", c2: "two"}
	runtime.GC()
	fmt.Println(mc[c1], mc[c2], len(mc))

	// Keys compared in Go's order: floats (NaN never found, -0 == +0), structs,
	// interfaces.
	mf := map[float64]int{}
	nan := 0.0
	nan /= nan
	mf[nan] = 1
	mf[nan] = 2
	mf[0.0] = 3
	negz := 0.0
	negz = -negz
	mf[negz] += 4
	fmt.Println(len(mf), mf[0], mf[nan])
	for k := range mf {
		if k == 0 {
			fmt.Println("zero key prints as", k)
		}
	}
	mst := map[pair]int{{1, "x"}: 1, {1, "y"}: 2, {-1, "x"}: 3}
	mst[pair{1, "x"}] += 100
	fmt.Println(mst[pair{1, "x"}], mst[pair{1, "y"}], mst[pair{-1, "x"}], mst[pair{2, "x"}])
	ma := map[any]int{1: 1, "1": 2, int8(1): 3, 1.0: 4}
	fmt.Println(ma[1], ma["1"], ma[int8(1)], ma[1.0], ma[uint(1)], len(ma))

	// Iteration while the table grows: each key at most once (whether a key added
	// during the loop is produced is unspecified, so only the first three are shown).
	mg := map[int]bool{0: true, 1: true, 2: true}
	seen := map[int]int{}
	for k := range mg {
		seen[k]++
		for j := 0; j < 100 && k < 3; j++ {
			mg[1000+k*100+j] = true
		}
	}
	keys := []int{}
	for k, n := range seen {
		if n != 1 {
			fmt.Println("seen twice:", k)
		}
		if k < 3 {
			keys = append(keys, k)
		}
	}
	sort.Ints(keys)
	fmt.Println(keys, len(mg))
}
