// package sort is Go's pdqsort: Sort and Slice leave equal elements in exactly the order
// gc's do (the output shows the order of records with equal keys, and how many Less calls
// were made); Stable and SliceStable keep input order.
package main

import (
	"fmt"
	"sort"
)

type rec struct {
	key int
	id  int
}

type byKey struct {
	rs    []rec
	calls int
}

func (b *byKey) Len() int           { return len(b.rs) }
func (b *byKey) Less(i, j int) bool { b.calls++; return b.rs[i].key < b.rs[j].key }
func (b *byKey) Swap(i, j int)      { b.rs[i], b.rs[j] = b.rs[j], b.rs[i] }

func gen(n, keys int) []rec {
	x := uint32(12345)
	rs := make([]rec, n)
	for i := range rs {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		rs[i] = rec{int(x % uint32(keys)), i}
	}
	return rs
}

func ids(rs []rec, n int) []int {
	var out []int
	for _, r := range rs[:n] {
		out = append(out, r.id)
	}
	return out
}

func main() {
	for _, n := range []int{10, 50, 300, 2000} {
		b := &byKey{rs: gen(n, 7)}
		sort.Sort(b)
		fmt.Println(n, "Sort:", b.calls, sort.IsSorted(b), ids(b.rs, 10))
		rs := gen(n, 7)
		sort.Slice(rs, func(i, j int) bool { return rs[i].key < rs[j].key })
		fmt.Println(n, "Slice:", ids(rs, 10), sort.SliceIsSorted(rs, func(i, j int) bool { return rs[i].key < rs[j].key }))
		st := &byKey{rs: gen(n, 7)}
		sort.Stable(st)
		fmt.Println(n, "Stable:", st.calls, ids(st.rs, 10))
		ss := gen(n, 7)
		sort.SliceStable(ss, func(i, j int) bool { return ss[i].key < ss[j].key })
		fmt.Println(n, "SliceStable:", ids(ss, 10))
	}
	// Patterns pdqsort detects: sorted, reversed, all equal.
	for _, name := range []string{"sorted", "reversed", "equal"} {
		rs := make([]rec, 500)
		for i := range rs {
			switch name {
			case "sorted":
				rs[i] = rec{i, i}
			case "reversed":
				rs[i] = rec{500 - i, i}
			case "equal":
				rs[i] = rec{1, i}
			}
		}
		b := &byKey{rs: rs}
		sort.Sort(b)
		fmt.Println(name, b.calls, ids(b.rs, 8))
	}
}
