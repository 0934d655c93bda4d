// Generic functions over slices: Map, Filter, Reduce with inferred type arguments.
package main

import (
	"fmt"
	"strings"
)

func Map[T, U any](s []T, f func(T) U) []U {
	r := make([]U, 0, len(s))
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

func Filter[T any](s []T, keep func(T) bool) []T {
	var r []T
	for _, v := range s {
		if keep(v) {
			r = append(r, v)
		}
	}
	return r
}

func Reduce[T, A any](s []T, init A, f func(A, T) A) A {
	acc := init
	for _, v := range s {
		acc = f(acc, v)
	}
	return acc
}

func main() {
	words := []string{"go", "rust", "lua", "zig", "haskell"}
	lens := Map(words, func(s string) int { return len(s) })
	fmt.Println(lens)
	short := Filter(words, func(s string) bool { return len(s) <= 3 })
	fmt.Println(short, len(short), cap(short) >= len(short))
	total := Reduce(lens, 0, func(a, n int) int { return a + n })
	fmt.Println(total)
	joined := Reduce(words, "", func(a string, w string) string { return a + strings.ToUpper(w[:1]) })
	fmt.Println(joined)
	fmt.Println(Map(Map([]int{1, 2, 3}, func(i int) float64 { return float64(i) / 2 }), func(f float64) string {
		return fmt.Sprintf("%.1f", f)
	}))
	var none []int
	fmt.Println(Filter(none, func(int) bool { return true }) == nil, len(Map(none, func(i int) int { return i })))
}
