package main

import (
	"fmt"
	"math"
)

func main() {
	nan := math.NaN()
	fmt.Println(nan == nan, nan != nan, nan < 1, nan > 1)
	fmt.Println(math.IsNaN(nan), math.IsInf(math.Inf(1), 1))
	inf := math.Inf(1)
	fmt.Println(inf, -inf, inf+1 == inf, inf-inf)
	fmt.Println(0.1+0.2 == 0.3, float32(0.1)+float32(0.2) == float32(0.3))
	m := map[float64]int{}
	m[nan] = 1
	m[nan] = 2
	fmt.Println(len(m))
	fmt.Println(int64(1e18), float64(1<<53) == float64(1<<53+1))
}
