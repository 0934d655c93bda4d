// slices.SortFunc is Go's pattern-defeating quicksort step for step, so elements with
// equal keys end up in exactly Go's order: 3000 records with only 50 distinct keys,
// sorted by key, then checked by their original positions.
package main

import (
	"cmp"
	"fmt"
	"slices"
)

type rec struct {
	key int
	id  int
}

// lcg is a small deterministic generator (Knuth's MMIX constants).
type lcg uint64

func (g *lcg) next() int {
	*g = *g*6364136223846793005 + 1442695040888963407
	return int(uint64(*g) >> 33)
}

func main() {
	g := lcg(42)
	recs := make([]rec, 3000)
	for i := range recs {
		recs[i] = rec{key: g.next() % 50, id: i}
	}
	slices.SortFunc(recs, func(a, b rec) int { return cmp.Compare(a.key, b.key) })
	fmt.Println("sorted by key:", slices.IsSortedFunc(recs, func(a, b rec) int { return a.key - b.key }))

	// A checksum of the ids in their final order pins down every tie.
	sum := 0
	for i, r := range recs {
		sum = (sum*31 + r.id*(i+1)) % 1000000007
	}
	fmt.Println("checksum:", sum)
	fmt.Println("first:", recs[:8])
	fmt.Println("middle:", recs[1496:1504])
	fmt.Println("last:", recs[len(recs)-8:])

	// Descending by key with ties left as the sort leaves them, on a slice of strings.
	words := make([]string, 1200)
	for i := range words {
		words[i] = fmt.Sprintf("%c%d", 'a'+rune(g.next()%6), i)
	}
	slices.SortFunc(words, func(a, b string) int { return cmp.Compare(b[0], a[0]) })
	fmt.Println(words[:6], words[597:603], words[1194:])

	// Sorting pointers by a field: the pointers' order among equal keys is Go's too.
	ptrs := make([]*rec, 1500)
	for i := range ptrs {
		ptrs[i] = &rec{key: g.next() % 7, id: i}
	}
	slices.SortFunc(ptrs, func(a, b *rec) int { return cmp.Compare(a.key, b.key) })
	ids := 0
	for i, p := range ptrs {
		ids = (ids*17 + p.id*(i+3)) % 998244353
	}
	fmt.Println("pointer checksum:", ids, *ptrs[0], *ptrs[749], *ptrs[1499])
}
