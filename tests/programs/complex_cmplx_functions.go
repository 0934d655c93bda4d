package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

// Package math/cmplx: Go's algorithms, so results are bit-identical to gc's.
func main() {
	zs := []complex128{0, 1, -1, 1i, 1 + 1i, 3 - 4i, -2.5 + 0.5i, 0.5 - 0.25i, 1e-8 + 2i, 100 + 100i}
	for _, z := range zs {
		r, th := cmplx.Polar(z)
		fmt.Println(z, cmplx.Abs(z), cmplx.Phase(z), r, th, cmplx.Rect(r, th), cmplx.Conj(z))
		fmt.Println(" sqrt exp log log10", cmplx.Sqrt(z), cmplx.Exp(z), cmplx.Log(z), cmplx.Log10(z))
		fmt.Println(" pow", cmplx.Pow(z, 2), cmplx.Pow(z, 0.5+0.5i), cmplx.Pow(2i, z))
		fmt.Println(" trig", cmplx.Sin(z), cmplx.Cos(z), cmplx.Tan(z), cmplx.Cot(z))
		fmt.Println(" hyp", cmplx.Sinh(z), cmplx.Cosh(z), cmplx.Tanh(z))
		fmt.Println(" inv", cmplx.Asin(z), cmplx.Acos(z), cmplx.Atan(z))
		fmt.Println(" invh", cmplx.Asinh(z), cmplx.Acosh(z), cmplx.Atanh(z))
	}
	// Special values.
	inf, nan := math.Inf(1), math.NaN()
	fmt.Println(cmplx.Inf(), cmplx.NaN(), cmplx.IsInf(complex(inf, nan)), cmplx.IsNaN(complex(inf, nan)), cmplx.IsNaN(complex(1, nan)))
	fmt.Println(cmplx.Abs(complex(nan, inf)), cmplx.Sqrt(complex(-inf, 1)), cmplx.Exp(complex(-inf, inf)), cmplx.Log(0))
	fmt.Println(cmplx.Pow(0, 0), cmplx.Pow(0, -1), cmplx.Pow(0, 1i), cmplx.Tan(complex(1e20, 1)), cmplx.Sin(complex(1e6, 0.5)))
	// Euler: e^(iπ) + 1 is not quite 0 in floating point.
	fmt.Println(cmplx.Exp(1i*math.Pi)+1, cmplx.Abs(cmplx.Exp(1i*math.Pi)+1) < 1e-15)
	// The roots of unity.
	for k := 0; k < 4; k++ {
		fmt.Printf("%.3f ", cmplx.Rect(1, 2*math.Pi*float64(k)/4))
	}
	fmt.Println()
}
