// iter.Pull and iter.Pull2: pulling values, stop, exhausted iterators, a Zip built on two
// pulls, goroutines released, and a panic in the sequence raised again by next.
package main

import (
	"fmt"
	"iter"
	"runtime"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("count done")
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func Pairs(m []string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, s := range m {
			if !yield(i, s) {
				return
			}
		}
	}
}

func Zip[A, B any](a iter.Seq[A], b iter.Seq[B]) iter.Seq2[A, B] {
	return func(yield func(A, B) bool) {
		na, sa := iter.Pull(a)
		defer sa()
		nb, sb := iter.Pull(b)
		defer sb()
		for {
			x, ok1 := na()
			y, ok2 := nb()
			if !ok1 || !ok2 || !yield(x, y) {
				return
			}
		}
	}
}

func main() {
	next, stop := iter.Pull(Count(3))
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Println("got", v)
	}
	fmt.Println(next())
	stop()
	n2, s2 := iter.Pull(Count(100))
	fmt.Println(n2())
	fmt.Println(n2())
	s2()
	fmt.Println(n2())
	s2()
	k, st := iter.Pull2(Pairs([]string{"a", "b"}))
	fmt.Println(k())
	st()
	for a, b := range Zip(Count(5), iter.Seq[string](func(yield func(string) bool) {
		for _, s := range []string{"x", "y"} {
			if !yield(s) {
				return
			}
		}
	})) {
		fmt.Println(a, b)
	}
	fmt.Println(runtime.NumGoroutine())
	pn, ps := iter.Pull(iter.Seq[int](func(yield func(int) bool) {
		yield(1)
		panic("boom")
	}))
	fmt.Println(pn())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		pn()
	}()
	fmt.Println(pn())
	ps()
}
