// The top-level functions of math/rand and math/rand/v2 are safe for concurrent use:
// eight goroutines drawing 64-bit values at once never receive the same one (a repeat is
// as good as impossible by chance), including across the refills of v2's ChaCha8 source.
package main

import (
	"fmt"
	"math/rand"
	r2 "math/rand/v2"
	"sync"
)

func distinct(f func() uint64) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := map[uint64]bool{}
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5000; i++ {
				x := f()
				mu.Lock()
				seen[x] = true
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return len(seen)
}

func main() {
	fmt.Println("math/rand:", distinct(rand.Uint64))
	fmt.Println("math/rand/v2:", distinct(r2.Uint64))
	fmt.Println("v2 Uint32 pairs:", distinct(func() uint64 { return uint64(r2.Uint32())<<32 | uint64(r2.Uint32()) }))
	fmt.Printf("%T %T\n", rand.New(rand.NewSource(1)), r2.New(r2.NewPCG(1, 1)))
}
