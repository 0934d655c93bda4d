// slices.Insert: values go in at i and s[i:] moves up; within capacity the array is
// shared, beyond it a new one is grown as append grows; inserting a part of s itself
// (overlapping memory) is handled by rotating; an empty insert keeps s's nilness.
package main

import (
	"fmt"
	"slices"
)

type Names []string

func main() {
	s := []int{1, 2, 3, 4}
	fmt.Println(slices.Insert(s, 0, 9), slices.Insert(s, 2, 7, 8), slices.Insert(s, 4, 5))
	fmt.Println(s)

	// Within capacity: the result shares s's array.
	base := make([]int, 4, 10)
	copy(base, []int{10, 20, 30, 40})
	r := slices.Insert(base, 1, 15, 16)
	r[0] = -1
	fmt.Println(r, len(r), cap(r), base[0])

	// Beyond capacity: a new array, with append's growth.
	small := []int{1, 2, 3}
	r2 := slices.Insert(small, 1, 100)
	r2[0] = -1
	fmt.Println(r2, len(r2), cap(r2), small)
	big := slices.Insert([]byte("abc"), 1, []byte("0123456789")...)
	fmt.Println(string(big), len(big), cap(big))

	// Inserting elements of s itself, with room to spare: v overlaps what moves.
	ov := make([]int, 6, 12)
	for i := range ov {
		ov[i] = i
	}
	fmt.Println(slices.Insert(ov, 1, ov[3:5]...))
	ov2 := []int{0, 1, 2, 3, 4, 5}
	ov2 = append(ov2[:6:6], 0)[:6] // capacity 12, contents 0..5
	fmt.Println(slices.Insert(ov2, 2, ov2[1:4]...))
	ov3 := make([]string, 4, 8)
	copy(ov3, []string{"a", "b", "c", "d"})
	fmt.Println(slices.Insert(ov3, 0, ov3...))

	var nilS []int
	fmt.Println(slices.Insert(nilS, 0) == nil, slices.Insert([]int{}, 0) == nil, slices.Insert(nilS, 0, 1, 2))

	// A named slice type stays named.
	names := slices.Insert(Names{"b"}, 0, "a")
	fmt.Printf("%T %v\n", names, names)

	// Out of range, recovered: the runtime's slice bounds message.
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		slices.Insert([]int{1, 2, 3}, 5, 0)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		slices.Insert([]int{1, 2, 3}, -1)
	}()
}
