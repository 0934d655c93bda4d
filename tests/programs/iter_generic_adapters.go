// Generic iterator adapters (Seq[V] of any V) consumed with range-over-func.
package main

import "fmt"

type Seq[V any] func(yield func(V) bool)

func Count[T int | float64](n T) Seq[T] {
	return func(yield func(T) bool) {
		for i := T(0); i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Collect[V any](s Seq[V]) []V {
	var r []V
	for v := range s {
		r = append(r, v)
	}
	return r
}

func Filter[V any](s Seq[V], keep func(V) bool) Seq[V] {
	return func(yield func(V) bool) {
		for v := range s {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func main() {
	fmt.Println(Collect(Count(5)), Collect(Count(2.0)))
	for x := range Filter(Count(10), func(i int) bool { return i%3 == 0 }) {
		if x > 6 {
			break
		}
		fmt.Print(x, " ")
	}
	fmt.Println()
}
