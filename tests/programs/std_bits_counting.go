// math/bits: counting, rotation, reversal and length, over chosen edge values and a
// pseudo-random sweep summarized by checksums.
package main

import (
	"fmt"
	"math/bits"
)

func main() {
	fmt.Println(bits.UintSize)
	for _, x := range []uint64{0, 1, 2, 3, 0x80, 0xff, 0x100, 1 << 31, 1<<32 - 1, 1 << 63, 1<<64 - 1, 0x0123456789abcdef} {
		fmt.Printf("%#x: len=%d lz=%d tz=%d ones=%d rot5=%#x rot-7=%#x rev=%#x revb=%#x\n",
			x, bits.Len64(x), bits.LeadingZeros64(x), bits.TrailingZeros64(x), bits.OnesCount64(x),
			bits.RotateLeft64(x, 5), bits.RotateLeft64(x, -7), bits.Reverse64(x), bits.ReverseBytes64(x))
	}
	for _, x := range []uint32{0, 1, 0x8000_0000, 0xdeadbeef} {
		fmt.Println(bits.Len32(x), bits.LeadingZeros32(x), bits.TrailingZeros32(x), bits.OnesCount32(x),
			bits.RotateLeft32(x, 9), bits.RotateLeft32(x, -33), bits.Reverse32(x), bits.ReverseBytes32(x))
	}
	for _, x := range []uint16{0, 1, 0x8000, 0xbeef} {
		fmt.Println(bits.Len16(x), bits.LeadingZeros16(x), bits.TrailingZeros16(x), bits.OnesCount16(x),
			bits.RotateLeft16(x, 3), bits.Reverse16(x), bits.ReverseBytes16(x))
	}
	for _, x := range []uint8{0, 1, 0x80, 0xa5} {
		fmt.Println(bits.Len8(x), bits.LeadingZeros8(x), bits.TrailingZeros8(x), bits.OnesCount8(x),
			bits.RotateLeft8(x, 3), bits.RotateLeft8(x, -1), bits.Reverse8(x))
	}
	fmt.Println(bits.Len(0), bits.Len(1000), bits.LeadingZeros(1), bits.TrailingZeros(0),
		bits.OnesCount(255), bits.RotateLeft(1, -1), bits.Reverse(1), bits.ReverseBytes(1))

	// A sweep of 10,000 values: every function against a bit-by-bit reference.
	x := uint64(0x9e3779b97f4a7c15)
	sum, bad := uint64(0), 0
	for i := 0; i < 10000; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		v := x >> uint(i%64)
		ones, length, tz := 0, 0, 64
		var rev uint64
		for b := 0; b < 64; b++ {
			if v>>uint(b)&1 == 1 {
				ones++
				length = b + 1
				if tz == 64 {
					tz = b
				}
				rev |= 1 << uint(63-b)
			}
		}
		if bits.OnesCount64(v) != ones || bits.Len64(v) != length || bits.TrailingZeros64(v) != tz || bits.Reverse64(v) != rev {
			bad++
		}
		sum = sum*31 + bits.RotateLeft64(v, i) + uint64(bits.OnesCount32(uint32(v)))
	}
	fmt.Println("sweep:", bad, "mismatches, checksum", sum)
}
