// slices.Clone copies (nil stays nil, empty stays non-nil), Grow adds capacity with
// append's growth and panics on a negative count, Clip drops spare capacity so that an
// append must copy.
package main

import (
	"fmt"
	"slices"
)

type IDs []int

func main() {
	s := []int{1, 2, 3}
	c := slices.Clone(s)
	c[0] = 99
	fmt.Println(s, c)
	var nilS []int
	fmt.Println(slices.Clone(nilS) == nil, slices.Clone([]int{}) == nil, len(slices.Clone(s[:0])))
	ids := slices.Clone(IDs{4, 5})
	fmt.Printf("%T %v\n", ids, ids)

	for _, n := range []int{0, 1, 2, 5, 10, 100} {
		g := slices.Grow([]int{1, 2, 3}, n)
		fmt.Println("grow", n, len(g), cap(g))
	}
	g := slices.Grow(make([]byte, 0, 10), 4)
	fmt.Println(len(g), cap(g))
	g2 := slices.Grow(nilS, 0)
	fmt.Println(g2 == nil, len(g2), cap(g2))
	str := slices.Grow([]string{"a"}, 3)
	str = append(str, "b", "c", "d")
	fmt.Println(str, len(str), cap(str))

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		slices.Grow(s, -1)
	}()

	big := make([]int, 3, 10)
	clipped := slices.Clip(big)
	fmt.Println(len(clipped), cap(clipped))
	grown := append(clipped, 7)
	grown[0] = 1
	fmt.Println(big[0], grown, cap(grown))
	fmt.Println(slices.Clip(nilS) == nil)
}
