// %q of an integer past utf8.MaxRune (as a uint64) quotes U+FFFD, as Go's fmtQc does;
// %c and %U alongside (found by the differential generator).
package main

import "fmt"

func main() {
	for _, v := range []int64{-9223372036854775808, -1, 0x10FFFF, 0x110000, 1 << 32, 65, 0xD800} {
		fmt.Printf("%q %c %U|\n", v, v, v)
	}
	var u uint64 = 1<<64 - 1
	fmt.Printf("%q %c %U|\n", u, u, u)
	var b int8 = -128
	fmt.Printf("%q %+q %c|\n", b, 0x1F600, b)
}
