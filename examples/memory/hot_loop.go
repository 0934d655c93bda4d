// A hot loop: a small allocation that does not escape costs nothing on the heap (it is
// in the frame), one that escapes is a heap allocation per iteration. runtime.MemStats
// counts heap objects in Mallocs; the program prints comparisons, not byte counts.
package main

import (
	"fmt"
	"runtime"
)

type vec struct{ x, y, z float64 }

var sink *vec

func length2(v *vec) float64 { return v.x*v.x + v.y*v.y + v.z*v.z }

// local: &vec{...} never leaves the loop body.
func local(n int) float64 {
	total := 0.0
	for i := 0; i < n; i++ {
		v := &vec{float64(i), 1, 2}
		total += length2(v)
	}
	return total
}

// escaping: each &vec{...} is stored in a global, so each one is a heap object.
func escaping(n int) float64 {
	total := 0.0
	for i := 0; i < n; i++ {
		v := &vec{float64(i), 1, 2}
		sink = v
		total += length2(v)
	}
	return total
}

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func main() {
	const n = 100000
	before := mallocs()
	a := local(n)
	mid := mallocs()
	b := escaping(n)
	after := mallocs()
	fmt.Println("same result:", a == b)
	fmt.Println("local loop allocated fewer than 100 heap objects:", mid-before < 100)
	fmt.Println("escaping loop allocated at least one object per iteration:", after-mid >= n)
}
