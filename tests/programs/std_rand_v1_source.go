// math/rand's NewSource (Go's additive lagged Fibonacci generator seeded through the
// rngCooked table): Go's exact sequences for several seeds, including 0, negative ones
// and seeds equal modulo 2³¹-1, Seed, Int63/Uint64 as Source64, and a long run.
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	for _, seed := range []int64{0, 1, 42, -1, 89482311, 1<<31 - 1, 1 << 31, -(1 << 62), 1<<63 - 1, -1 << 63} {
		s := rand.NewSource(seed)
		fmt.Printf("seed %d:", seed)
		for i := 0; i < 4; i++ {
			fmt.Printf(" %d", s.Int63())
		}
		fmt.Println()
	}

	// Seeds equal modulo 2³¹-1 give the same sequence; 0 is seeded like 89482311.
	a, b := rand.NewSource(5), rand.NewSource(5+(1<<31-1))
	fmt.Println("mod equal:", a.Int63() == b.Int63())
	a, b = rand.NewSource(0), rand.NewSource(89482311)
	fmt.Println("zero seed:", a.Int63() == b.Int63())

	// Source64.
	s64, ok := rand.NewSource(7).(rand.Source64)
	fmt.Println("Source64:", ok, s64.Uint64(), s64.Uint64(), s64.Int63())

	// Seed restarts the sequence.
	s := rand.NewSource(99)
	first := s.Int63()
	s.Int63()
	s.Seed(99)
	fmt.Println("reseed:", first == s.Int63())

	// A long run wraps the 607-word register many times.
	s.Seed(2024)
	var x, last int64
	for i := 0; i < 100000; i++ {
		last = s.Int63()
		x ^= last
	}
	fmt.Println("100000th:", last, "xor:", x)

	// rand.New over it.
	r := rand.New(rand.NewSource(42))
	fmt.Println(r.Int63(), r.Uint32(), r.Uint64(), r.Int31(), r.Int())
	r.Seed(42)
	fmt.Println("after Seed:", r.Int63())
}
