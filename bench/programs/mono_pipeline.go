// generics_pipeline.go written without generics: Map/Filter/Sum for int by hand.
package main

import "fmt"

func MapInt(s []int, f func(int) int) []int {
	r := make([]int, len(s))
	for i, v := range s {
		r[i] = f(v)
	}
	return r
}

func FilterInt(s []int, keep func(int) bool) []int {
	r := s[:0:0]
	for _, v := range s {
		if keep(v) {
			r = append(r, v)
		}
	}
	return r
}

func SumInt(s []int) int {
	var t int
	for _, v := range s {
		t += v
	}
	return t
}

func main() {
	xs := make([]int, 1_000_000)
	for i := range xs {
		xs[i] = (i * 7919) % 1000
	}
	total := 0
	for round := range 20 {
		ys := MapInt(xs, func(x int) int { return x*3 + round })
		zs := FilterInt(ys, func(y int) bool { return y%2 == 0 })
		total += SumInt(zs)
	}
	fmt.Println(total)
}
