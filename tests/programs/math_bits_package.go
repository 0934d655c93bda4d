package main

import (
	"fmt"
	"math/bits"
)

// Package math/bits (Go's own sources).
func main() {
	fmt.Println(bits.UintSize, bits.LeadingZeros64(1), bits.LeadingZeros8(0), bits.TrailingZeros32(8), bits.Len(255))
	fmt.Println(bits.OnesCount(0xF0F0), bits.OnesCount64(1<<63|1), bits.RotateLeft8(0x81, 1), bits.RotateLeft32(1, -1))
	fmt.Println(bits.Reverse8(1), bits.Reverse16(1), bits.ReverseBytes32(0x01020304), bits.ReverseBytes64(0x0102030405060708))
	hi, lo := bits.Mul64(1<<63, 6)
	fmt.Println(hi, lo)
	s, c := bits.Add64(1<<63, 1<<63, 1)
	d, b := bits.Sub64(0, 1, 0)
	fmt.Println(s, c, d, b)
	q, r := bits.Div64(1, 5, 3)
	fmt.Println(q, r, bits.Rem64(7, 8, 5))
	h32, l32 := bits.Mul32(0xFFFFFFFF, 0xFFFFFFFF)
	fmt.Println(h32, l32)
	defer func() { fmt.Println("recovered:", recover()) }()
	bits.Div64(5, 0, 3)
}
