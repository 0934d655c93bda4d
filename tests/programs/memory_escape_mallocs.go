// Escape analysis decides what costs a heap allocation: MemStats.Mallocs counts exactly
// the values that escape, as gc's -m says.
package main

import (
	"fmt"
	"runtime"
)

type point struct{ x, y int }

var keep *point
var total int

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func local(i int) int {
	p := &point{i, i + 1} // does not escape: on the stack
	return p.x + p.y
}

func escaping(i int) {
	keep = &point{i, i} // escapes to the heap
}

func sum(n int) int {
	s := make([]int, 8) // non-constant use, constant size: stays on the stack
	for i := range s {
		s[i] = n + i
	}
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func main() {
	const n = 1000
	m0 := mallocs()
	for i := 0; i < n; i++ {
		total += local(i)
	}
	m1 := mallocs()
	for i := 0; i < n; i++ {
		escaping(i)
	}
	m2 := mallocs()
	for i := 0; i < n; i++ {
		total += sum(i)
	}
	m3 := mallocs()
	big := 0
	for i := 0; i < n; i++ {
		b := make([]byte, 100<<10) // too large for the stack
		b[i] = 1
		big += len(b)
	}
	m4 := mallocs()
	fmt.Println("non-escaping &point: fewer than 10 mallocs:", m1-m0 < 10)
	fmt.Println("escaping &point: at least one malloc each:", m2-m1 >= n)
	fmt.Println("small make stays on the stack:", m3-m2 < 10)
	fmt.Println("large make is on the heap:", m4-m3 >= n)
	fmt.Println(total > 0, big)
}
