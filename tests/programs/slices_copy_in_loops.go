// copy() inside hot loops, where the interpreter's inner loop runs it: overlapping
// copies both ways, from a string constant, into an array on the stack, of pointers into
// young and old heap slices across collections (the sinks keep them on the heap; an old
// destination takes the write barrier's path), of empty and zero-size elements, and into
// a nil slice. Every result is checked by a sum or printed.
package main

import (
	"fmt"
	"runtime"
)

type pair struct{ a, b *int }

var (
	sinkP [][]*int
	sinkQ [][]pair
)

func main() {
	s := make([]int, 16)
	for i := range s {
		s[i] = i
	}
	for r := 0; r < 1000; r++ {
		copy(s[1:], s)
		copy(s, s[1:])
	}
	fmt.Println(s)

	var buf [8]byte
	total := 0
	for r := 0; r < 1000; r++ {
		n := copy(buf[r%3:], "gopher")
		total += n + int(buf[r%8])
	}
	fmt.Println(total, string(buf[:]))

	old := make([]*int, 64)
	sinkP = append(sinkP, old)
	runtime.GC()
	runtime.GC() // old is in the old space now
	young := make([]*int, 64)
	sinkP = append(sinkP, young)
	for r := 0; r < 2000; r++ {
		v := new(int)
		*v = r
		young[r%64] = v
		copy(old, young)
		if r%500 == 0 {
			runtime.GC()
		}
	}
	sum := 0
	for i := range old {
		sum += *old[i] + *young[i]
	}
	fmt.Println(sum)

	ps := make([]pair, 4)
	qs := make([]pair, 4)
	sinkQ = append(sinkQ, ps, qs)
	for r := 0; r < 100; r++ {
		x, y := r, -r
		qs[r%4] = pair{&x, &y}
		copy(ps, qs)
	}
	fmt.Println(*ps[0].a, *ps[3].b)

	empty := make([]struct{}, 10)
	var none []int
	fmt.Println(copy(empty, make([]struct{}, 3)), copy(none, s), copy(s, none))
}
