package main

import "fmt"

func main() {
	fmt.Println(0x1F, 0X1f, 017, 0o17, 0b101, 1_000_000)
	fmt.Println('a', '\n', '\x41', '\u00e9', '\U0001F600')
	fmt.Println(0x_ff, 0b_1010_1010)
	fmt.Println(1e3, 1.5e-3, 0x1p4)
	var r rune = 'Z' - 'A'
	fmt.Println(r, 'a'+1, string(rune('a'+1)))
}
