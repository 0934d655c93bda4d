// math/rand/v2's Rand over seeded sources: every method (Int*, Uint*, the N forms and
// their power-of-two and rejection paths, Float32/Float64, NormFloat64, ExpFloat64, Perm,
// Shuffle), the generic N through a seeded-independent check, Zipf, and a user Source.
package main

import (
	"fmt"
	"math/rand/v2"
)

// counter is a user Source: a plain counter, so each method's use of its bits shows.
type counter struct{ n uint64 }

func (c *counter) Uint64() uint64 {
	c.n += 0x9e3779b97f4a7c15
	return c.n
}

type myInt int16

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Println("Int64:", r.Int64(), r.Int64())
	fmt.Println("Int32:", r.Int32(), r.Int32())
	fmt.Println("Int:", r.Int(), r.Int())
	fmt.Println("Uint:", r.Uint(), r.Uint())
	fmt.Println("Uint32:", r.Uint32(), r.Uint32())
	fmt.Println("Uint64:", r.Uint64(), r.Uint64())
	fmt.Println("IntN:", r.IntN(10), r.IntN(1000), r.IntN(1<<20), r.IntN(1<<62+1), r.IntN(1))
	fmt.Println("Int64N:", r.Int64N(10), r.Int64N(1<<40), r.Int64N(1<<63-1))
	fmt.Println("Int32N:", r.Int32N(7), r.Int32N(1<<30), r.Int32N(1<<31-1))
	fmt.Println("Uint32N:", r.Uint32N(3), r.Uint32N(1<<31), r.Uint32N(1<<32-1))
	fmt.Println("Uint64N:", r.Uint64N(3), r.Uint64N(1<<63), r.Uint64N(1<<64-1), r.Uint64N(1<<63+1))
	fmt.Println("UintN:", r.UintN(100), r.UintN(1<<33), r.UintN(5))
	fmt.Println("Float64:", r.Float64(), r.Float64(), r.Float64())
	fmt.Println("Float32:", r.Float32(), r.Float32(), r.Float32())
	for i := 0; i < 5; i++ {
		fmt.Printf("Norm %.17g Exp %.17g\n", r.NormFloat64(), r.ExpFloat64())
	}
	// Many draws reach the tails and the rejection loops.
	var ns, es float64
	for i := 0; i < 20000; i++ {
		ns += r.NormFloat64()
		es += r.ExpFloat64()
	}
	fmt.Printf("sums %.17g %.17g\n", ns, es)
	fmt.Println("Perm:", r.Perm(0), r.Perm(1), r.Perm(10))
	s := []string{"a", "b", "c", "d", "e", "f", "g"}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println("Shuffle:", s)
	r.Shuffle(0, func(i, j int) { panic("not called") })

	// The same methods over ChaCha8.
	c := rand.New(rand.NewChaCha8([32]byte{1, 2, 3}))
	fmt.Println("ChaCha8:", c.IntN(100), c.Float64(), c.Perm(8), c.NormFloat64(), c.Uint32N(1000))

	// A user Source.
	u := rand.New(&counter{})
	fmt.Println("counter:", u.Uint64(), u.Int64(), u.Uint32(), u.Int32(), u.Int(), u.IntN(1000), u.Float64(), u.Float32())

	// A histogram of IntN(6) over many draws.
	var h [6]int
	for i := 0; i < 6000; i++ {
		h[r.IntN(6)]++
	}
	fmt.Println("histogram:", h)

	// Zipf.
	z := rand.NewZipf(rand.New(rand.NewPCG(9, 9)), 1.1, 1, 1000)
	for i := 0; i < 10; i++ {
		fmt.Print(z.Uint64(), " ")
	}
	fmt.Println()
	z = rand.NewZipf(rand.New(rand.NewPCG(9, 9)), 3, 5, 50)
	var zs uint64
	for i := 0; i < 1000; i++ {
		zs += z.Uint64()
	}
	fmt.Println("zipf sum:", zs)
	fmt.Println("bad zipf:", rand.NewZipf(r, 1, 1, 10) == nil, rand.NewZipf(r, 2, 0.5, 10) == nil)

	// The generic N with the top-level source: only ranges are seed-independent.
	ok := true
	for i := 0; i < 1000; i++ {
		if v := rand.N(10); v < 0 || v >= 10 {
			ok = false
		}
		if v := rand.N(myInt(3)); v < 0 || v >= 3 {
			ok = false
		}
		if v := rand.N(uint8(200)); v >= 200 {
			ok = false
		}
		if v := rand.N(int64(1) << 62); v < 0 {
			ok = false
		}
		if v := rand.N(uintptr(7)); v >= 7 {
			ok = false
		}
	}
	fmt.Printf("N in range: %v %T\n", ok, rand.N(myInt(5)))
}
