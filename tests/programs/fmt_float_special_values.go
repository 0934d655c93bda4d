package main

import (
	"fmt"
	"math"
)

func main() {
	vals := []float64{0, 1, -1, 0.1, 1.0 / 3, 1e6, 1e20, 1e21, 123456789012, 1e-7, math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64}
	for _, v := range vals {
		fmt.Printf("%v|%g|%.3f|%e\n", v, v, v, v)
	}
	fmt.Println(float32(1e20), float32(3.4e38), float32(1)/3)
	fmt.Printf("%5.1f|%-7.2f|%07.2f|%+.0f\n", math.Inf(1), math.NaN(), -1.5, math.Inf(-1))
	fmt.Println(100000000.0, 1234567.0, 12345678.9, 0.000001234)
}
