package main

import "fmt"

func main() {
	f := 3.99
	fmt.Println(int(f), int(-f))
	i := 300
	fmt.Println(uint8(i), int8(i))
	n := -1
	fmt.Println(uint8(n), uint16(n), uint32(n))
	var u64 uint64 = 1<<64 - 1
	fmt.Println(int64(u64), int32(u64))
	x := 65
	fmt.Println(string(rune(x)))
	fmt.Println(float32(0.1), float64(float32(0.1)))
	big := int64(1) << 40
	fmt.Println(int32(big), int16(big+5))
	var b byte = 250
	b += 10
	fmt.Println(b)
}
