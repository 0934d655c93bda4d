// Stacks that grow by copying keep every pointer into them right: a recursion passes the
// address of a caller's local (and a slice of a caller's array) down thousands of frames,
// writes through them at the bottom, and reads the results on the way up; a closure on
// the stack, a method value and a deferred call's arguments survive the moves too. The
// same runs in many goroutines at once, each growing its own stack.
package main

import (
	"fmt"
	"strings"
)

type acc struct{ sum, depth int }

func (a *acc) add(n int) { a.sum += n }

func down(n int, total *int, window []int, a *acc) int {
	var frame [8]int
	frame[n%8] = n
	if n == 0 {
		*total += 1000
		window[0] = 7
		a.depth = -1
		return frame[0]
	}
	add := a.add // a method value bound to a pointer into some caller's frame
	add(n)
	r := down(n-1, total, frame[:], a)
	*total += window[0] + frame[n%8]
	return r + 1
}

func deferred(depth int, out *strings.Builder) {
	x := depth
	defer fmt.Fprintf(out, "[%d]", x)
	if depth > 0 {
		deferred(depth-1, out)
	}
}

func main() {
	total := 0
	var buf [4]int
	a := &acc{}
	r := down(20_000, &total, buf[:], a)
	fmt.Println(r, total, buf[0], a.sum, a.depth)

	var sb strings.Builder
	deferred(2_000, &sb)
	s := sb.String()
	fmt.Println(len(s), s[:20], s[len(s)-20:])

	results := make(chan int)
	for g := 0; g < 50; g++ {
		go func() {
			t := 0
			var b [2]int
			results <- down(1_000+g*100, &t, b[:], &acc{}) + t
		}()
	}
	sum := 0
	for g := 0; g < 50; g++ {
		sum += <-results
	}
	fmt.Println(sum)
}
