package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2))
	fmt.Println(min(2.5, 1), max(-1, -0.5))
	fmt.Println(min("b", "a", "c"), max("apple", "apricot"))
	x, y := 10, 20
	fmt.Println(min(x, y), max(x, y, 15))
	fmt.Println(min(1.0, math.NaN()), max(math.Inf(-1), 0))
	var i8 int8 = -3
	fmt.Println(max(i8, 2), min(i8))
	s := []int{1, 2, 3}
	clear(s)
	fmt.Println(s, len(s))
	m := map[string]int{"a": 1, "b": 2}
	clear(m)
	fmt.Println(m, len(m))
	m["c"] = 3
	fmt.Println(m)
	const k = max(1, 2.5)
	fmt.Println(k)
}
