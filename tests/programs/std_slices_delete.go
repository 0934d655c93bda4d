// slices.Delete removes s[i:j] and, as Go 1.22 does, zeroes the vacated tail of the
// array, which a re-slice up to the old length shows; DeleteFunc does the same for the
// elements it removes. Pointers in the tail become nil, so they no longer keep objects
// alive.
package main

import (
	"fmt"
	"slices"
)

type point struct{ x, y int }

func main() {
	s := []int{0, 1, 2, 3, 4, 5, 6, 7}
	d := slices.Delete(s, 2, 5)
	fmt.Println(d, len(d), cap(d))
	fmt.Println("whole array:", s, d[:cap(d)])

	// Deleting nothing changes nothing.
	t := []int{1, 2, 3}
	fmt.Println(slices.Delete(t, 1, 1), slices.Delete(t, 3, 3), t)

	strs := []string{"a", "b", "c", "d"}
	ds := slices.Delete(strs, 0, 1)
	fmt.Printf("%q %q\n", ds, strs)

	p1, p2, p3 := &point{1, 2}, &point{3, 4}, &point{5, 6}
	ps := []*point{p1, p2, p3}
	ps2 := slices.Delete(ps, 0, 2)
	fmt.Println(*ps2[0], ps[1] == nil, ps[2] == nil, ps[0] == p3)

	structs := []point{{1, 1}, {2, 2}, {3, 3}}
	fmt.Println(slices.Delete(structs, 1, 3), structs)

	// All of it: the result is empty, not nil; nil stays nil.
	all := []int{1, 2}
	r := slices.Delete(all, 0, 2)
	fmt.Println(r, r == nil, all)
	var nilS []int
	fmt.Println(slices.Delete(nilS, 0, 0) == nil)

	// DeleteFunc: remove the odd numbers.
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	even := slices.DeleteFunc(nums, func(n int) bool { return n%2 == 1 })
	fmt.Println(even, nums)
	none := []int{2, 4}
	fmt.Println(slices.DeleteFunc(none, func(n int) bool { return n > 100 }))
	words := []string{"keep", "", "this", "", ""}
	fmt.Printf("%q %q\n", slices.DeleteFunc(words, func(w string) bool { return w == "" }), words)

	// Bad ranges, recovered.
	for _, r := range [][2]int{{2, 1}, {1, 9}, {-1, 2}} {
		func() {
			defer func() { fmt.Println(r, "recovered:", recover()) }()
			slices.Delete([]int{1, 2, 3}, r[0], r[1])
		}()
	}
}
