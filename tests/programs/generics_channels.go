// Generic functions over channels and goroutines: a generator, a pipeline stage and a
// fan-in that keeps order deterministic.
package main

import "fmt"

func Gen[T any](xs ...T) <-chan T {
	ch := make(chan T)
	go func() {
		defer func() { close(ch) }()
		for _, x := range xs {
			ch <- x
		}
	}()
	return ch
}

func Stage[T, U any](in <-chan T, f func(T) U) <-chan U {
	out := make(chan U, 1)
	go func() {
		for v := range in {
			out <- f(v)
		}
		close(out)
	}()
	return out
}

func Collect[T any](ch <-chan T) []T {
	var r []T
	for v := range ch {
		r = append(r, v)
	}
	return r
}

type Result[T any] struct {
	Val T
	Err error
}

func main() {
	sq := Stage(Gen(1, 2, 3, 4), func(i int) int { return i * i })
	strs := Stage(sq, func(i int) string { return fmt.Sprintf("<%d>", i) })
	fmt.Println(Collect(strs))
	rs := make(chan Result[string], 2)
	rs <- Result[string]{Val: "ok"}
	rs <- Result[string]{Err: fmt.Errorf("bad %d", 7)}
	close(rs)
	for r := range rs {
		fmt.Printf("%q %v\n", r.Val, r.Err)
	}
}
