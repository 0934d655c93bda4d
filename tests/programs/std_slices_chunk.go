// slices.Chunk yields consecutive sub-slices of n elements (the last may be shorter);
// each is clipped to its length, so appending to a chunk copies instead of overwriting
// the next one; an empty slice yields nothing; n < 1 panics when Chunk is called.
package main

import (
	"fmt"
	"slices"
)

type Batch []int

func main() {
	s := []int{1, 2, 3, 4, 5, 6, 7}
	for _, n := range []int{1, 2, 3, 7, 10} {
		var chunks [][]int
		slices.Chunk(s, n)(func(c []int) bool {
			chunks = append(chunks, c)
			return true
		})
		fmt.Println(n, chunks)
	}

	var first []int
	slices.Chunk(s, 3)(func(c []int) bool {
		first = c
		return false
	})
	fmt.Println(first, len(first), cap(first))
	first = append(first, 99)
	fmt.Println(first, s)

	n := 0
	slices.Chunk([]int{}, 2)(func(c []int) bool { n++; return true })
	slices.Chunk([]int(nil), 2)(func(c []int) bool { n++; return true })
	fmt.Println("chunks of empty:", n)

	slices.Chunk(Batch{10, 20, 30}, 2)(func(b Batch) bool {
		fmt.Printf("%T %v\n", b, b)
		return true
	})

	for _, bad := range []int{0, -3} {
		func() {
			defer func() { fmt.Println(bad, "recovered:", recover()) }()
			slices.Chunk(s, bad)
			fmt.Println("not reached")
		}()
	}
}
