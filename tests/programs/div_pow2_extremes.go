// Signed division and remainder by powers of two (DivPow2/RemPow2: a biased arithmetic
// shift), shift counts 1, 10 and 62, at the extremes of int64 and int32, matching Go.
package main

import (
	"fmt"
	"math"
)

//go:noinline
func d(x int64) (int64, int64, int64, int64, int64, int64) {
	return x / 2, x % 2, x / 1024, x % 1024, x / (1 << 62), x % (1 << 62)
}

func main() {
	for _, x := range []int64{0, 1, -1, 2, -2, 3, -3, 1023, -1023, 1024, -1024, 1025, -1025,
		math.MaxInt64, math.MinInt64, math.MinInt64 + 1, 1 << 62, -(1 << 62), -(1 << 62) - 1} {
		fmt.Println(d(x))
		var y int32 = int32(x)
		fmt.Println(y/4, y%4, y/(1<<30), y%(1<<30))
	}
}
