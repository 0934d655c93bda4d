// Two float64 operations in a row run as one dispatch (`F64Pair`), the first result
// passed straight to the second: every operator order, a result used twice (`t * t`),
// NaN, infinities and signed zeros, and the pair's second half reached by a jump.
package main

import (
	"fmt"
	"math"
)

func newton(v float64) float64 {
	g := v
	if g < 1 {
		g = 1
	}
	for {
		n := 0.5 * (g + v/g)
		if n >= g {
			return g
		}
		g = n
	}
}

func combos(a, b, c float64) [8]float64 {
	return [8]float64{
		(a + b) * c, (a - b) / c, (a * b) - c, (a / b) + c,
		c - (a + b), c / (a * b), (a - b) * (a - b), (a / c) / b,
	}
}

func main() {
	for _, v := range []float64{2, 10, 0.25, 1e10, 1e-300} {
		fmt.Print(newton(v), " ")
	}
	fmt.Println()
	inf, nan := math.Inf(1), math.NaN()
	negz := math.Copysign(0, -1)
	for _, t := range [][3]float64{
		{1, 2, 3}, {-1.5, 0.5, 4}, {inf, 1, 2}, {inf, inf, 1}, {nan, 1, 1},
		{0, negz, 1}, {negz, 0, -1}, {1, 0, 0}, {1e308, 1e308, 0.5}, {3, 3, negz},
	} {
		fmt.Println(t, combos(t[0], t[1], t[2]))
	}
	// A jump into the second half: when i is odd, only `s * 1.5` runs.
	s, x := 1.0, 2.0
	for i := 0; i < 6; i++ {
		if i%2 == 0 {
			s = x / 4
		}
		s = s * 1.5
		x += s
	}
	fmt.Println(s, x)
	// Division by a signed zero, and a sum that cancels to +0.
	y := 1.0
	fmt.Println(y/negz+y, (y-y)*negz, -(y-y)+0, math.Signbit((y-y)*negz))
}
