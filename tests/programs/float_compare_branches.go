// Float comparisons that branch (compiled as one fused compare-and-branch): NaN makes
// every ordered comparison false and != true, in if, for, && and ||, negated with !, and
// -0 equals +0; float32 and named float types take the general path.
package main

import (
	"fmt"
	"math"
)

type celsius float64

func classify(x, y float64) string {
	s := ""
	if x < y {
		s += "<"
	}
	if x <= y {
		s += "<="
	}
	if x > y {
		s += ">"
	}
	if x >= y {
		s += ">="
	}
	if x == y {
		s += "=="
	}
	if x != y {
		s += "!="
	}
	if !(x < y) {
		s += " !<"
	}
	if x < y || x > y {
		s += " ordered-ne"
	}
	if x <= y && x >= y {
		s += " ordered-eq"
	}
	return s
}

func main() {
	nan := math.NaN()
	negz := math.Copysign(0, -1)
	vals := []float64{1, 2, nan, negz, 0, math.Inf(1), math.Inf(-1)}
	for _, x := range vals {
		for _, y := range vals {
			fmt.Printf("%v %v: %s\n", x, y, classify(x, y))
		}
	}
	n := 0
	for x := 0.0; x < 2.5; x += 0.5 {
		n++
	}
	fmt.Println("steps", n)
	for x := nan; x < 1; x++ {
		fmt.Println("never")
	}
	var a, b float32 = 1.5, float32(nan)
	if a < b || a >= b {
		fmt.Println("float32 ordered")
	} else {
		fmt.Println("float32 unordered")
	}
	c, d := celsius(20), celsius(nan)
	if c > d {
		fmt.Println("named >")
	} else if !(c <= d) {
		fmt.Println("named unordered")
	}
}
