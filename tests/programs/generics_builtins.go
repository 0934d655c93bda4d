// Builtins on type-parameter-typed operands: len, cap, append, make, copy, delete,
// clear, min, max, new.
package main

import "fmt"

func Grow[S ~[]E, E any](s S, n int) S {
	if cap(s)-len(s) < n {
		t := make(S, len(s), len(s)+n)
		copy(t, s)
		s = t
	}
	return s
}

func Drop[M ~map[K]V, K comparable, V any](m M, ks ...K) int {
	for _, k := range ks {
		delete(m, k)
	}
	return len(m)
}

func Reset[S ~[]E, E any](s S) S {
	clear(s)
	return s
}

func Extremes[T int | float64 | string](xs ...T) (T, T) {
	lo, hi := xs[0], xs[0]
	for _, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi
}

func NewOf[T any](v T) *T {
	p := new(T)
	*p = v
	return p
}

func main() {
	s := Grow([]int{1, 2}, 10)
	fmt.Println(len(s), cap(s) >= 12, s)
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	fmt.Println(Drop(m, "a", "z"), m)
	fmt.Println(Reset([]string{"x", "y"}), len(Reset([]int{1})))
	fmt.Println(Extremes(3, 1, 2))
	fmt.Println(Extremes("b", "a", "c"))
	fmt.Println(Extremes(2.5, -1.0))
	fmt.Println(*NewOf("v"), *NewOf([]int{7}))
}
