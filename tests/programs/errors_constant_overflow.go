package main

import "fmt"

func main() {
	var a int8 = 128
	var b uint8 = -1
	const big = 1 << 70
	var c int64 = big
	fmt.Println(a, b, c)
}
