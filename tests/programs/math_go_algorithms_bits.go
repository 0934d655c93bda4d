package main

import (
	"fmt"
	"math"
)

// gosub's math functions are Go's own algorithms (and replays of gc's amd64 assembly for
// Exp, Log and Hypot), so every bit matches: printed here as the float64's bits.
func main() {
	xs := []float64{5e-324, 1e-310, 2.5e-8, 0.1, 0.5, 0.7071067811865476, 1, 1.5, 2, 3.7, 10, 100, 700, 709.78, -745.1, 1e10, 1e22, 123456.789}
	for _, x := range xs {
		s, c := math.Sincos(x)
		fr, e := math.Frexp(x)
		fmt.Printf("%g: %x %x %x %x %x %x\n", x, math.Float64bits(math.Exp(x)), math.Float64bits(math.Log(x)),
			math.Float64bits(s), math.Float64bits(c), math.Float64bits(math.Tan(x)), math.Float64bits(math.Atan(x)))
		fmt.Printf("  %x %x %x %x %x %x %v %d\n", math.Float64bits(math.Pow(x, 1.7)), math.Float64bits(math.Pow(x, -2)),
			math.Float64bits(math.Sinh(x/100)), math.Float64bits(math.Log1p(x)), math.Float64bits(math.Hypot(x, 3)),
			math.Float64bits(math.Cbrt(x)), fr, e)
		fmt.Printf("  %x %x %x %x %x\n", math.Float64bits(math.Asinh(x)), math.Float64bits(math.Acosh(x+1)),
			math.Float64bits(math.Atanh(1/(x+1))), math.Float64bits(math.Log10(x)), math.Float64bits(math.Exp2(x/10)))
	}
	fmt.Println(math.Ldexp(1, -1074), math.Ldexp(1, 1024), math.Ldexp(0.75, -1073))
	ip, fp := math.Modf(-3.25)
	fmt.Println(ip, fp, math.Exp(math.Inf(-1)), math.Log(-1), math.Hypot(math.Inf(-1), math.NaN()))
	fmt.Println(1/(2.5e-8*2.5e-8), math.Pow(2.5e-8, -2)) // shortest form: ties go to even
}
