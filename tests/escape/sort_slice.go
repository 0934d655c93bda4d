package main

import "sort"

func main() {
	xs := []int{3, 1, 2}
	sort.Ints(xs)
	ys := []string{"b", "a"}
	sort.Slice(ys, func(i, j int) bool { return ys[i] < ys[j] })
	println(xs[0], ys[0])
}
