package main

import "fmt"

func main() {
	x := 1
	fmt.Println(x<<0, x<<1, x<<10, x<<62)
	fmt.Println(x<<63, x<<64, x<<100)
	y := -16
	fmt.Println(y>>1, y>>2, y>>10, y>>100)
	var u uint8 = 0x81
	fmt.Println(u<<1, u>>1, u<<8)
	var s uint = 3
	fmt.Println(5<<s, 1000>>s)
	var i32 int32 = 1
	fmt.Println(i32<<31, i32<<32)
	var u64 uint64 = 1 << 63
	fmt.Println(u64>>63, u64>>64)
	n := 2
	fmt.Println(int8(1)<<n<<n<<n)
}
