// math/rand/v2's panics in Go's words, from Rand methods and the top-level functions
// (the last one uncaught), and the top-level functions' ranges, which do not depend on
// their random seed.
package main

import (
	"fmt"
	"math/rand/v2"
)

func try(name string, f func()) {
	defer func() {
		e := recover()
		fmt.Printf("%s: %v (%T)\n", name, e, e)
	}()
	f()
}

func main() {
	r := rand.New(rand.NewPCG(1, 1))
	try("IntN(0)", func() { r.IntN(0) })
	try("IntN(-5)", func() { r.IntN(-5) })
	try("Int64N(0)", func() { r.Int64N(0) })
	try("Int32N(-1)", func() { r.Int32N(-1) })
	try("Uint32N(0)", func() { r.Uint32N(0) })
	try("Uint64N(0)", func() { r.Uint64N(0) })
	try("UintN(0)", func() { r.UintN(0) })
	try("Shuffle(-1)", func() { r.Shuffle(-1, func(i, j int) {}) })
	try("top IntN(0)", func() { rand.IntN(0) })
	try("top Int64N(-1)", func() { rand.Int64N(-1) })
	try("top Int32N(0)", func() { rand.Int32N(0) })
	try("top Uint32N(0)", func() { rand.Uint32N(0) })
	try("top Uint64N(0)", func() { rand.Uint64N(0) })
	try("top UintN(0)", func() { rand.UintN(0) })
	try("N(0)", func() { rand.N(0) })
	try("N(int8(-3))", func() { rand.N(int8(-3)) })
	try("N(uint(0))", func() { rand.N(uint(0)) })
	try("top Shuffle(-2)", func() { rand.Shuffle(-2, func(i, j int) {}) })
	try("nil source", func() { rand.New(nil).Uint64() })

	// Top-level functions: only their ranges are checked.
	ok := true
	check := func(b bool) {
		if !b {
			ok = false
		}
	}
	for i := 0; i < 2000; i++ {
		check(rand.Int() >= 0)
		check(rand.Int32() >= 0)
		check(rand.Int64() >= 0)
		check(rand.IntN(3) < 3)
		check(rand.Int32N(5) < 5)
		check(rand.Int64N(1<<40) < 1<<40)
		check(rand.Uint32N(9) < 9)
		check(rand.Uint64N(2) < 2)
		check(rand.UintN(100) < 100)
		f := rand.Float64()
		check(f >= 0 && f < 1)
		g := rand.Float32()
		check(g >= 0 && g < 1)
		check(rand.ExpFloat64() > 0)
		_ = rand.NormFloat64()
		_ = rand.Uint32()
		_ = rand.Uint64()
		_ = rand.Uint()
	}
	fmt.Println("ranges ok:", ok)
	p := rand.Perm(20)
	seen := make(map[int]bool)
	for _, v := range p {
		seen[v] = true
	}
	fmt.Println("Perm is a permutation:", len(p) == 20 && len(seen) == 20)
	s := []int{1, 2, 3, 4, 5, 6, 7, 8}
	rand.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	sum := 0
	for _, v := range s {
		sum += v
	}
	fmt.Println("Shuffle keeps elements:", sum)
	// Two top-level streams almost surely differ from a fixed seed's.
	fmt.Println("not seeded with PCG(1,1):", rand.Uint64() != rand.New(rand.NewPCG(1, 1)).Uint64() || rand.Uint64() != 0)

	rand.IntN(-1)
}
