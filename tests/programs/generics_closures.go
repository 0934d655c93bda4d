// Generic closures: functions returning closures over type-parameter-typed state,
// memoization with a generic cache, and per-iteration loop variables inside generic code.
package main

import "fmt"

func Counter[T int | float64](step T) func() T {
	var n T
	return func() T {
		n += step
		return n
	}
}

func Memo[K comparable, V any](f func(K) V) (func(K) V, *int) {
	cache := map[K]V{}
	misses := 0
	return func(k K) V {
		if v, ok := cache[k]; ok {
			return v
		}
		misses++
		v := f(k)
		cache[k] = v
		return v
	}, &misses
}

func Compose[A, B, C any](f func(A) B, g func(B) C) func(A) C {
	return func(a A) C { return g(f(a)) }
}

func Thunks[T any](xs []T) []func() T {
	var fs []func() T
	for _, x := range xs {
		fs = append(fs, func() T { return x })
	}
	return fs
}

func main() {
	c := Counter(2)
	c()
	fmt.Println(c(), c())
	fc := Counter(0.5)
	fc()
	fmt.Println(fc())
	sq, misses := Memo(func(n int) int { return n * n })
	fmt.Println(sq(3), sq(4), sq(3), *misses)
	h := Compose(func(s string) int { return len(s) }, func(n int) []int { return make([]int, n) })
	fmt.Println(h("abc"))
	for _, f := range Thunks([]string{"x", "y", "z"}) {
		fmt.Print(f())
	}
	fmt.Println()
}
