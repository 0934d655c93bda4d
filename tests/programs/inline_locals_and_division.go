// Inlining of leaf functions with locals (x := v before the return), divisions and
// remainders by constants (signed, unsigned, negative, of the extreme values), shifts and
// number conversions: each inlined call computes what the call computes in Go, and the
// immediate and shift/mask forms of constant division agree with Go's wrap-around.
package main

import "fmt"

func entry(i, j int) float64 {
	s := i + j
	return 1.0 / float64(s*(s+1)/2+i+1)
}

func mix(a, b int) int {
	h := a*31 + b
	k := h >> 3
	return k % 7
}

func half(x int) int  { return x / 2 }
func rem(x int) int   { return x % 4 }
func uhalf(x uint) uint { return x / 8 }
func urem(x uint) uint  { return x % 8 }
func u8(x uint8) uint8 { return x / 3 }
func sh(x int, n uint) int { return x << n >> 1 }
func conv(x float64) int { return int(x * 2) }

func main() {
	fmt.Println(entry(3, 4), entry(0, 0), mix(-100, 7), mix(12345, -9))
	for _, x := range []int{-7, -4, -1, 0, 1, 7, -9223372036854775808, 9223372036854775807} {
		fmt.Println(x, half(x), rem(x), x/-1, x%-3, x/3)
	}
	for _, x := range []uint{0, 7, 8, 17, 18446744073709551615} {
		fmt.Println(x, uhalf(x), urem(x), x/10, x%10)
	}
	fmt.Println(u8(255), u8(7), sh(-5, 3), sh(1, 70), conv(2.75), conv(-2.75))
}
