// A quicksort adversary (after McIlroy's) against slices.SortFunc: the comparison
// function decides the elements' values lazily, freezing one of two undecided elements
// so that pivots come out badly. pdqsort spends its budget of bad pivots (breakPatterns
// each time) and falls back to heapsort — with Go's exact algorithm the comparison count
// and the final order equal Go's.
package main

import (
	"fmt"
	"slices"
)

type cell struct {
	val  int
	orig int
}

func attack(size int) {
	gas := 1 << 30 // the value of a still-undecided element, above every decided one
	cells := make([]*cell, size)
	for i := range cells {
		cells[i] = &cell{val: gas, orig: i}
	}
	nsolid := 0
	var candidate *cell
	ncmp := 0
	adversary := func(a, b *cell) int {
		ncmp++
		if a.val == gas && b.val == gas {
			// Freeze the element that is not the current pivot candidate.
			if a == candidate {
				b.val = nsolid
			} else {
				a.val = nsolid
			}
			nsolid++
		}
		if a.val == gas {
			candidate = a
		} else if b.val == gas {
			candidate = b
		}
		if a.val < b.val {
			return -1
		}
		if a.val > b.val {
			return 1
		}
		return 0
	}
	slices.SortFunc(cells, adversary)

	sorted := slices.IsSortedFunc(cells, func(a, b *cell) int { return a.val - b.val })
	h := 0
	for i, c := range cells {
		h = (h*31 + c.orig*(i+1)) % 1000000009
	}
	fmt.Printf("n=%d comparisons=%d frozen=%d sorted=%v checksum=%d first=%d,%d,%d last=%d\n",
		size, ncmp, nsolid, sorted, h, cells[0].orig, cells[1].orig, cells[2].orig, cells[size-1].orig)
}

func main() {
	for _, n := range []int{100, 500, 2000} {
		attack(n)
	}
}
