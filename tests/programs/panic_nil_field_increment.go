// A nil dereference inside a fused in-place increment (`c.hits += n`, one dispatch for
// its load, add and store) is reported at that statement's line.
package main

import "fmt"

type Counter struct {
	name string
	hits int
}

func record(c *Counter, n int) {
	fmt.Println("recording", n)
	c.hits += n
}

func main() {
	c := &Counter{name: "a"}
	record(c, 2)
	fmt.Println(c.hits)
	record(nil, 3)
}
