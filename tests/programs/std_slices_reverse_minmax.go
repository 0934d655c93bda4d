// slices.Reverse reverses in place; Min and Max use the builtins (a NaN anywhere makes
// the result NaN); MinFunc and MaxFunc return the first of several extreme elements;
// all four panic on an empty slice.
package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

type player struct {
	name  string
	score int
}

func main() {
	s := []int{1, 2, 3, 4, 5}
	slices.Reverse(s)
	fmt.Println(s)
	odd := []string{"a", "b", "c"}
	slices.Reverse(odd)
	slices.Reverse(odd[:0])
	fmt.Println(odd)

	fmt.Println(slices.Min([]int{4, -2, 9}), slices.Max([]int{4, -2, 9}))
	fmt.Println(slices.Min([]string{"pear", "apple", "fig"}), slices.Max([]string{"pear", "apple", "fig"}))
	fmt.Println(slices.Min([]float64{1, math.NaN(), -3}), slices.Max([]float64{1, math.NaN(), -3}))
	fmt.Println(slices.Min([]float64{0, math.Copysign(0, -1)}), slices.Max([]float64{math.Copysign(0, -1), 0}))
	fmt.Println(slices.Max([]uint8{3, 250, 17}), slices.Min([]int8{3, -128, 17}))

	players := []player{{"ann", 7}, {"bob", 9}, {"cy", 3}, {"dee", 9}, {"eve", 3}}
	byScore := func(a, b player) int { return cmp.Compare(a.score, b.score) }
	fmt.Println(slices.MinFunc(players, byScore), slices.MaxFunc(players, byScore))
	byNameLen := func(a, b player) int { return cmp.Compare(len(a.name), len(b.name)) }
	fmt.Println(slices.MinFunc(players, byNameLen), slices.MaxFunc(players, byNameLen))
	fmt.Println(slices.MaxFunc([]string{"Go", "go", "GO"}, func(a, b string) int {
		return strings.Compare(strings.ToLower(a), strings.ToLower(b))
	}))

	tries := []func(){
		func() { slices.Min([]int{}) },
		func() { slices.Max([]string(nil)) },
		func() { slices.MinFunc([]player{}, byScore) },
		func() { slices.MaxFunc([]player{}, byScore) },
	}
	for _, f := range tries {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			f()
		}()
	}
}
