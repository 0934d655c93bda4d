// Generic Map/Filter/Sum over a 1,000,000-element slice, 20 times: the generic half of the
// generics benchmark (mono_pipeline.go is the same code written for int by hand).
package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Map[T, U any](s []T, f func(T) U) []U {
	r := make([]U, len(s))
	for i, v := range s {
		r[i] = f(v)
	}
	return r
}

func Filter[T any](s []T, keep func(T) bool) []T {
	r := s[:0:0]
	for _, v := range s {
		if keep(v) {
			r = append(r, v)
		}
	}
	return r
}

func Sum[T Number](s []T) T {
	var t T
	for _, v := range s {
		t += v
	}
	return t
}

func main() {
	xs := make([]int, 1_000_000)
	for i := range xs {
		xs[i] = (i * 7919) % 1000
	}
	total := 0
	for round := range 20 {
		ys := Map(xs, func(x int) int { return x*3 + round })
		zs := Filter(ys, func(y int) bool { return y%2 == 0 })
		total += Sum(zs)
	}
	fmt.Println(total)
}
