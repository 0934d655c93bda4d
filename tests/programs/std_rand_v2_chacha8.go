// math/rand/v2's ChaCha8 (internal/chacha8rand's generator): Go's exact sequences for
// several seeds, across block refills and the reseed every 124 values, Seed, Read with
// partial words (and interleaved with Uint64), and the binary encoding with its errors.
package main

import (
	"fmt"
	"math/rand/v2"
)

func seedOf(s string) [32]byte {
	var b [32]byte
	copy(b[:], s)
	return b
}

func main() {
	seeds := []string{"", "chacha8 test seed for gosub.....", "ChaCha8 is ChaCha with 8 rounds", "\xff\xfe\xfd"}
	for _, s := range seeds {
		c := rand.NewChaCha8(seedOf(s))
		fmt.Printf("ChaCha8(%q):\n", s)
		for i := 0; i < 4; i++ {
			fmt.Printf("  %d\n", c.Uint64())
		}
		// Values 120..130 straddle the first reseed (at 124).
		for i := 4; i < 120; i++ {
			c.Uint64()
		}
		for i := 120; i < 130; i++ {
			fmt.Printf("  [%d] %x\n", i, c.Uint64())
		}
		var sum, xor uint64
		for i := 130; i < 5000; i++ {
			x := c.Uint64()
			sum += x
			xor ^= x
		}
		fmt.Printf("  sum %d xor %d\n", sum, xor)
	}

	// Seed resets, including the Read buffer.
	c := rand.NewChaCha8(seedOf("x"))
	first := c.Uint64()
	c.Read(make([]byte, 3))
	c.Seed(seedOf("x"))
	fmt.Println("reseed equal:", first == c.Uint64())

	// Read: whole words, then partial ones that keep the rest for the next Read.
	c.Seed(seedOf("read"))
	for _, n := range []int{0, 1, 2, 8, 3, 13, 5, 16, 7} {
		b := make([]byte, n)
		k, err := c.Read(b)
		fmt.Printf("Read(%d) = %d %v %x\n", n, k, err, b)
	}
	fmt.Println("Uint64 after Read:", c.Uint64())

	// The encoding, with and without buffered Read bytes.
	c.Seed(seedOf("marshal"))
	for i := 0; i < 40; i++ {
		c.Uint64()
	}
	m, err := c.MarshalBinary()
	fmt.Printf("marshal %v len=%d %x\n", err, len(m), m)
	var d rand.ChaCha8
	fmt.Println("unmarshal:", d.UnmarshalBinary(m), d.Uint64() == c.Uint64())
	c.Read(make([]byte, 5))
	m, _ = c.MarshalBinary()
	fmt.Printf("with readbuf: %q\n", m[:12])
	fmt.Println("unmarshal:", d.UnmarshalBinary(m))
	b1, b2 := make([]byte, 7), make([]byte, 7)
	c.Read(b1)
	d.Read(b2)
	fmt.Printf("same bytes: %x %x\n", b1, b2)
	a, _ := c.AppendBinary([]byte("pre"))
	fmt.Printf("append: %q\n", a[:11])

	// Positions up to the last value before a reseed round-trip.
	for _, n := range []int{0, 31, 32, 100, 123, 124, 125, 300} {
		c.Seed(seedOf("pos"))
		for i := 0; i < n; i++ {
			c.Uint64()
		}
		m, _ := c.MarshalBinary()
		var e rand.ChaCha8
		err := e.UnmarshalBinary(m)
		fmt.Printf("pos %d: used=%x %v %v\n", n, m[8:16], err, e.Uint64() == c.Uint64())
	}

	// Errors.
	var e rand.ChaCha8
	fmt.Println(e.UnmarshalBinary(nil))
	fmt.Println(e.UnmarshalBinary([]byte("chacha8:short")))
	bad := make([]byte, 48)
	copy(bad, "chacha8:")
	bad[15] = 200 // used beyond 124
	fmt.Println(e.UnmarshalBinary(bad))
	fmt.Println(e.UnmarshalBinary([]byte("readbuf:\x09abc")))
	fmt.Println(e.UnmarshalBinary([]byte("readbuf:")))
	bad[15] = 0
	fmt.Println(e.UnmarshalBinary(append([]byte("readbuf:\x02ab"), bad...)))
	fmt.Println(e.Uint64())
}
