package main

import "fmt"

func main() {
	a, b := 0b1100, 0b1010
	fmt.Println(a&b, a|b, a^b, a&^b)
	fmt.Printf("%04b %04b %04b %04b\n", a&b, a|b, a^b, a&^b)
	fmt.Println(^0, ^5, ^-1)
	var u uint8 = 0x0f
	fmt.Println(^u, u^0xff)
	var u32 uint32 = 0xdeadbeef
	fmt.Printf("%x %x %x\n", u32&0xffff, u32>>16, ^u32)
	c := 0x55
	c &= 0x0f
	c |= 0x30
	c ^= 0x01
	c <<= 2
	c >>= 1
	fmt.Println(c)
	popcount := 0
	for v := uint(0xf0f0); v != 0; v &= v - 1 {
		popcount++
	}
	fmt.Println(popcount)
}
