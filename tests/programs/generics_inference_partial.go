// Explicit and partial type argument lists: the rest are inferred from the arguments.
package main

import (
	"fmt"
	"strconv"
)

func Convert[To, From any](xs []From, f func(From) To) []To {
	out := make([]To, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func Pair[A, B any](a A, b B) string { return fmt.Sprintf("%T/%T", a, b) }

func Zero[T any]() T {
	var z T
	return z
}

func main() {
	s := Convert[string]([]int{1, 22, 333}, strconv.Itoa)
	fmt.Printf("%q\n", s)
	f := Convert[float64, int]
	fmt.Println(f([]int{1, 2}, func(i int) float64 { return float64(i) * 1.5 }))
	fmt.Println(Pair(1, "a"), Pair[int8](1, 2.5), Pair[uint, string](3, "x"))
	fmt.Printf("%q %v %v %v\n", Zero[string](), Zero[*int]() == nil, Zero[[2]bool](), Zero[struct{ A int }]())
}
