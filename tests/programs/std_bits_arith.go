// math/bits: additions with carry, subtractions with borrow, double-width products and
// divisions, checked against each other on a pseudo-random sweep; multi-word arithmetic
// (a 192-bit counter and a 128-bit product) as real code uses them.
package main

import (
	"fmt"
	"math/bits"
)

func main() {
	fmt.Println(bits.Add64(1<<63, 1<<63, 1))
	fmt.Println(bits.Add64(1<<64-1, 0, 1))
	fmt.Println(bits.Add32(1<<31, 1<<31, 0))
	fmt.Println(bits.Add(3, 4, 1))
	fmt.Println(bits.Sub64(0, 1, 0))
	fmt.Println(bits.Sub64(5, 5, 1))
	fmt.Println(bits.Sub32(0, 0, 1))
	fmt.Println(bits.Sub(10, 3, 1))
	fmt.Println(bits.Mul64(1<<64-1, 1<<64-1))
	fmt.Println(bits.Mul32(1<<32-1, 1<<32-1))
	fmt.Println(bits.Mul(1<<40, 1<<40))
	fmt.Println(bits.Div64(1, 0, 3))
	fmt.Println(bits.Div32(7, 0xffffffff, 8))
	fmt.Println(bits.Div(0, 100, 7))
	fmt.Println(bits.Rem64(100, 7, 3), bits.Rem32(9, 5, 4), bits.Rem(1, 1, 1))

	// 192-bit counter: add 2^64-1 a thousand times.
	var w [3]uint64
	for i := 0; i < 1000; i++ {
		var c uint64
		w[0], c = bits.Add64(w[0], 1<<64-1, 0)
		w[1], c = bits.Add64(w[1], 0, c)
		w[2], _ = bits.Add64(w[2], 0, c)
	}
	fmt.Println(w)

	// Sweep: (hi, lo) = x*y + r, then Div64 recovers x and r when r < y; Sub undoes Add.
	x := uint64(88172645463325252)
	next := func() uint64 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return x
	}
	bad := 0
	var check uint64
	for i := 0; i < 5000; i++ {
		a, y := next(), next()|1
		r := next() % y
		hi, lo := bits.Mul64(a, y)
		lo, c := bits.Add64(lo, r, 0)
		hi += c
		q, rem := bits.Div64(hi, lo, y)
		if q != a || rem != r || bits.Rem64(hi, lo, y) != r {
			bad++
		}
		s, carry := bits.Add64(a, y, uint64(i&1))
		d, borrow := bits.Sub64(s, y, uint64(i&1))
		if d != a || borrow != carry {
			bad++
		}
		check = check*31 + hi + q
	}
	fmt.Println("sweep:", bad, "mismatches, checksum", check)
}
