// Float compare-and-branch with NaN, infinities and -0: every ordering is false with a
// NaN operand, so each negated one is true.
package main

import (
	"fmt"
	"math"
)

func main() {
	n := math.NaN()
	xs := []float64{1, 2, n, -0.0, math.Inf(1)}
	for _, a := range xs {
		for _, b := range xs {
			r := 0
			if a < b {
				r |= 1
			}
			if a <= b {
				r |= 2
			}
			if a > b {
				r |= 4
			}
			if a >= b {
				r |= 8
			}
			if !(a < b) {
				r |= 16
			}
			if !(a >= b) {
				r |= 32
			}
			fmt.Print(r, " ")
		}
	}
	fmt.Println()
}
