package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt(2), math.Sqrt(16), math.Sqrt(-1))
	fmt.Println(math.Pow(2, 10), math.Pow(2, 0.5), math.Pow(0, -1))
	fmt.Println(math.Abs(-3.5), math.Floor(-2.5), math.Ceil(-2.5), math.Trunc(-2.7))
	fmt.Println(math.Round(2.5), math.Round(-2.5), math.Round(2.4))
	fmt.Println(math.Max(3, 7), math.Min(3, 7), math.Max(math.NaN(), 1))
	fmt.Println(math.Mod(7, 3), math.Mod(-7, 3), math.Mod(7.5, 2))
	fmt.Println(math.Log(math.E), math.Log(1), math.Log(0), math.Exp(1), math.Exp(0))
	fmt.Println(math.Log2(8), math.Log10(1000), math.Hypot(3, 4))
	fmt.Printf("%.6f %.6f %.6f\n", math.Sin(math.Pi/6), math.Cos(0), math.Atan(1)*4)
	fmt.Println(math.Pi, math.E)
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt32, math.MaxUint8)
	fmt.Println(math.MaxInt8, math.MinInt8, uint32(math.MaxUint32))
	fmt.Println(math.Inf(1) > math.MaxFloat64, math.IsInf(math.Inf(-1), -1), math.Signbit(-0.0), math.Signbit(math.Copysign(0, -1)))
	fmt.Println(math.Cbrt(27), math.Floor(1e300))
}
