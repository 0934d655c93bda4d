// cmp.Compare and cmp.Less on every ordered kind: NaN is less than any other float and
// equal to NaN, -0.0 equals 0.0, strings compare bytewise, named types work through
// their underlying type.
package main

import (
	"cmp"
	"fmt"
	"math"
)

type Level uint8

type Name string

func main() {
	fmt.Println(cmp.Compare(1, 2), cmp.Compare(2, 2), cmp.Compare(3, 2))
	fmt.Println(cmp.Compare(int8(-128), 127), cmp.Compare(uint64(math.MaxUint64), 0), cmp.Compare(uintptr(5), 6))
	fmt.Println(cmp.Compare("apple", "banana"), cmp.Compare("b", "B"), cmp.Compare("", "a"), cmp.Compare("é", "z"))
	fmt.Println(cmp.Compare(Level(3), Level(1)), cmp.Compare(Name("x"), "x"))

	nan := math.NaN()
	negZero := math.Copysign(0, -1)
	floats := []float64{nan, math.Inf(-1), -1, negZero, 0, 1, math.Inf(1)}
	for _, x := range floats {
		for _, y := range floats {
			fmt.Printf("%3d", cmp.Compare(x, y))
		}
		fmt.Println()
	}
	fmt.Println(cmp.Less(nan, math.Inf(-1)), cmp.Less(math.Inf(-1), nan), cmp.Less(nan, nan))
	fmt.Println(cmp.Less(negZero, 0.0), cmp.Less(0.0, negZero), cmp.Less(-1.5, -1.25))
	f32 := float32(math.NaN())
	fmt.Println(cmp.Compare(f32, 1), cmp.Less(f32, 1), cmp.Compare(float32(2), 1))
	fmt.Println(cmp.Less(1, 2), cmp.Less("b", "a"), cmp.Less(Level(0), 1))
}
