// Division and remainder by constant powers of two, which the compiler turns into shifts
// and masks (biased toward zero for signed operands): negative dividends, the most
// negative value of each size, wrap-around after the operation, and compound forms.
package main

import (
	"fmt"
	"math"
)

//go:noinline
func values() []int64 {
	return []int64{0, 1, -1, 2, -2, 3, -3, 7, -7, 8, -8, 9, -9, 1023, -1023, 1024, -1024,
		math.MaxInt64, math.MinInt64, math.MinInt64 + 1, math.MaxInt64 - 1}
}

func main() {
	for _, v := range values() {
		fmt.Println(v, v/2, v%2, v/4, v%4, v/1024, v%1024, v/(1<<62), v%(1<<62), v/1, v%1)
		fmt.Println(v, -v/8, (v+1)/2, v/2*2+v%2 == v, v/-2, v%-4)
	}
	for _, v := range []int32{math.MinInt32, math.MinInt32 + 1, -5, 5, math.MaxInt32} {
		fmt.Println(v, v/2, v%2, v/16, v%16, v/(1<<30), v%(1<<30))
	}
	for _, v := range []int8{-128, -127, -3, -1, 0, 1, 3, 127} {
		fmt.Println(v, v/2, v%2, v/64, v%64, (v*3)/4, (v*3)%4)
	}
	for _, v := range []uint64{0, 1, 7, 8, math.MaxUint64} {
		fmt.Println(v, v/2, v%2, v/8, v%8, v/(1<<63), v%(1<<63))
	}
	s := 0
	for i := -20; i <= 20; i++ {
		s += i/4 + i%8
	}
	fmt.Println(s)
	// The spectral-norm index: s*(s+1)/2 for negative s too.
	for s := -4; s <= 4; s++ {
		fmt.Print(s*(s+1)/2, " ")
	}
	fmt.Println()
}
