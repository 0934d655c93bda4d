// slices.Concat joins slices into a new one (nil when empty); Repeat repeats a slice
// count times into a slice of exactly that length and capacity, never nil, and panics
// on a negative count or an overflowing length.
package main

import (
	"fmt"
	"slices"
)

type Row []string

func main() {
	a, b, c := []int{1, 2}, []int{}, []int{3, 4, 5}
	all := slices.Concat(a, b, c)
	all[0] = 100
	fmt.Println(all, len(all), cap(all), a)
	fmt.Println(slices.Concat[[]int]() == nil, slices.Concat([]int{}, nil) == nil)
	row := slices.Concat(Row{"x"}, Row{"y", "z"})
	fmt.Printf("%T %q\n", row, row)

	r := slices.Repeat([]int{1, 2}, 3)
	fmt.Println(r, len(r), cap(r))
	z := slices.Repeat([]string{"ab"}, 0)
	fmt.Println(z == nil, len(z), cap(z))
	e := slices.Repeat([]int(nil), 5)
	fmt.Println(e == nil, len(e))
	fmt.Println(slices.Repeat([]byte("-="), 5), string(slices.Repeat([]byte("-="), 5)))

	for _, count := range []int{-1, 1 << 62} {
		func() {
			defer func() { fmt.Println(count, "recovered:", recover()) }()
			slices.Repeat([]int{1, 2, 3, 4}, count)
		}()
	}
}
