// math's special functions (Go's own code): Gamma, Lgamma, Erf/Erfc and their inverses,
// Bessel functions, Expm1, FMA, Nextafter, Remainder, Logb/Ilogb, Pow10, Dim, Max/Min
// with NaN, infinities and signed zeros; bit-identical to gc's.
package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{-3.5, -1, -0.5, 0, 0.1, 0.5, 1, 2.5, 7, 30, 171.5, math.Inf(1), math.Inf(-1), math.NaN()}
	for _, x := range xs {
		lg, sign := math.Lgamma(x)
		fmt.Println(x, math.Gamma(x), lg, sign, math.Erf(x), math.Erfc(x), math.Expm1(x), math.Logb(x), math.Ilogb(x))
	}
	for _, x := range []float64{0, 0.5, 1, 2.5, 10, 100, -2, math.Inf(1)} {
		fmt.Println(x, math.J0(x), math.J1(x), math.Jn(2, x), math.Jn(-3, x), math.Y0(x), math.Y1(x), math.Yn(2, x))
	}
	for _, p := range []float64{-1, -0.999, -0.5, 0, 0.25, 0.999999, 1, 1.5} {
		fmt.Println(p, math.Erfinv(p), math.Erfcinv(p+1))
	}
	fmt.Println(math.FMA(0.1, 10, -1), 0.1*10-1, math.FMA(math.Inf(1), 0, 1), math.FMA(1e308, 10, -1e308))
	fmt.Println(math.Nextafter(1, 2), math.Nextafter(1, 0), math.Nextafter(0, -1), math.Nextafter32(1, 2), math.Nextafter(math.NaN(), 1))
	fmt.Println(math.Remainder(10, 3), math.Remainder(-10, 3), math.Remainder(5.5, 2), math.Remainder(1, 0), math.Remainder(math.Inf(1), 1))
	fmt.Println(math.Pow10(-324), math.Pow10(-5), math.Pow10(0), math.Pow10(22), math.Pow10(309))
	fmt.Println(math.Dim(5, 3), math.Dim(3, 5), math.Dim(math.Inf(1), math.Inf(1)))
	fmt.Println(math.Max(math.NaN(), 1), math.Max(math.Inf(-1), 0), math.Max(-0.0, 0), math.Min(-0.0, 0), math.Min(math.Inf(-1), math.NaN()))
	fmt.Println(math.Signbit(math.Min(-0.0, 0)), math.Signbit(math.Max(-0.0, 0)))
}
