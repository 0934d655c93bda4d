// math/rand/v2's PCG: Go's exact sequences for several seeds, Seed, the zero PCG, and
// MarshalBinary/AppendBinary/UnmarshalBinary with their error.
package main

import (
	"fmt"
	"math/rand/v2"
)

func main() {
	seeds := [][2]uint64{{0, 0}, {1, 2}, {42, 54}, {1<<64 - 1, 1<<63 + 5}, {0x123456789abcdef, 0xfedcba9876543210}}
	for _, s := range seeds {
		p := rand.NewPCG(s[0], s[1])
		fmt.Printf("PCG(%d, %d):", s[0], s[1])
		for i := 0; i < 5; i++ {
			fmt.Printf(" %d", p.Uint64())
		}
		fmt.Println()
	}

	// The zero PCG is NewPCG(0, 0).
	var z rand.PCG
	fmt.Println("zero:", z.Uint64(), rand.NewPCG(0, 0).Uint64())

	// Seed resets.
	p := rand.NewPCG(7, 8)
	a := p.Uint64()
	p.Uint64()
	p.Seed(7, 8)
	fmt.Println("reseed equal:", a == p.Uint64())

	// A long run: the 10000th value.
	p.Seed(3, 4)
	var last, xor uint64
	for i := 0; i < 10000; i++ {
		last = p.Uint64()
		xor ^= last
	}
	fmt.Println("10000th:", last, "xor:", xor)

	// Marshalling.
	p = rand.NewPCG(1, 2)
	p.Uint64()
	b, err := p.MarshalBinary()
	fmt.Printf("marshal: %q %v len=%d cap=%d\n", b, err, len(b), cap(b))
	b2, err := p.AppendBinary([]byte("prefix:"))
	fmt.Printf("append: %q %v\n", b2, err)
	var q rand.PCG
	fmt.Println("unmarshal:", q.UnmarshalBinary(b))
	fmt.Println("same next:", q.Uint64() == p.Uint64())
	fmt.Println("bad:", q.UnmarshalBinary([]byte("pcg:short")))
	fmt.Println("bad prefix:", q.UnmarshalBinary([]byte("xyz:0123456789abcdef")))
	fmt.Println("bad nil:", q.UnmarshalBinary(nil))

	// PCG as a Source.
	var src rand.Source = rand.NewPCG(5, 6)
	r := rand.New(src)
	fmt.Println(r.Uint64(), r.Int64(), r.Uint32(), r.Int32(), r.Int(), r.Uint())
}
