// slices.Replace replaces s[i:j] by v: a shorter v shrinks the slice and zeroes the
// vacated tail, a longer one grows it in place when the capacity allows (v may even be
// part of s) or in a new array when it does not; i == j is an Insert.
package main

import (
	"fmt"
	"slices"
)

func main() {
	s := []int{0, 1, 2, 3, 4, 5}
	r := slices.Replace(s, 1, 4, 9)
	fmt.Println(r, "array:", s)

	s = []int{0, 1, 2, 3, 4, 5}
	r = slices.Replace(s, 4, 6, 7) // j == len(s)
	fmt.Println(r, "array:", s)

	s = []int{0, 1, 2, 3}
	r = slices.Replace(s, 1, 2, 7, 8, 9) // no room: a new array
	r[0] = -1
	fmt.Println(r, len(r), cap(r), "old:", s)

	s = make([]int, 4, 10)
	copy(s, []int{0, 1, 2, 3})
	r = slices.Replace(s, 1, 2, 7, 8, 9) // room: same array
	r[0] = -1
	fmt.Println(r, len(r), cap(r), "old:", s[:cap(s)])

	fmt.Println(slices.Replace([]string{"a", "b"}, 1, 1, "x", "y"))
	fmt.Println(slices.Replace([]string{"a", "b", "c"}, 0, 3))

	// v taken from s itself, growing in place: every overlap case.
	for _, c := range []struct{ i, j, vlo, vhi int }{
		{1, 2, 2, 5}, {1, 3, 0, 5}, {0, 1, 3, 6}, {2, 3, 1, 6}, {1, 2, 0, 6},
	} {
		buf := make([]int, 6, 16)
		for k := range buf {
			buf[k] = k * 10
		}
		got := slices.Replace(buf, c.i, c.j, buf[c.vlo:c.vhi]...)
		fmt.Println(c, got)
	}

	for _, r := range [][2]int{{3, 2}, {1, 7}} {
		func() {
			defer func() { fmt.Println(r, "recovered:", recover()) }()
			slices.Replace([]int{1, 2, 3, 4}, r[0], r[1], 0)
		}()
	}
}
