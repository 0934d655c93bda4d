// slices.Equal, EqualFunc, Index, IndexFunc, Contains, ContainsFunc, Compare and
// CompareFunc: element-wise, in index order, with NaN unequal to itself in Equal and
// Index but ordered first (and equal to NaN) in Compare.
package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

type Tags []string

func main() {
	a := []int{1, 2, 3}
	fmt.Println(slices.Equal(a, []int{1, 2, 3}), slices.Equal(a, []int{1, 2}), slices.Equal(a, []int{1, 2, 4}))
	fmt.Println(slices.Equal([]int{}, nil), slices.Equal(Tags{"x"}, Tags{"x"}))
	nan := math.NaN()
	fmt.Println(slices.Equal([]float64{nan}, []float64{nan}), slices.Index([]float64{1, nan}, nan))

	strs := []string{"1", "2", "3"}
	fmt.Println(slices.EqualFunc(a, strs, func(n int, s string) bool { return strconv.Itoa(n) == s }))
	fmt.Println(slices.EqualFunc([]string{"Go"}, []string{"GO"}, strings.EqualFold))

	words := []string{"apple", "banana", "cherry", "banana"}
	fmt.Println(slices.Index(words, "banana"), slices.Index(words, "kiwi"), slices.Contains(words, "cherry"))
	long := func(s string) bool { return len(s) > 5 }
	fmt.Println(slices.IndexFunc(words, long), slices.ContainsFunc(words, long),
		slices.IndexFunc(words, func(s string) bool { return s == "" }))
	fmt.Println(slices.Contains([]int(nil), 0), slices.Index([]bool{false, true}, true))

	type pair struct{ a, b int }
	ps := []pair{{1, 2}, {3, 4}}
	fmt.Println(slices.Index(ps, pair{3, 4}), slices.Contains(ps, pair{2, 1}))

	fmt.Println(slices.Compare([]int{1, 2}, []int{1, 2}), slices.Compare([]int{1, 2}, []int{1, 3}),
		slices.Compare([]int{1, 2, 0}, []int{1, 2}), slices.Compare([]int{}, []int{0}))
	fmt.Println(slices.Compare([]string{"b"}, []string{"a", "z"}))
	fmt.Println(slices.Compare([]float64{nan}, []float64{nan}), slices.Compare([]float64{nan}, []float64{-1}),
		slices.Compare([]float64{0}, []float64{math.Copysign(0, -1)}))

	byLen := func(s string, n int) int { return cmp.Compare(len(s), n) }
	fmt.Println(slices.CompareFunc([]string{"ab", "c"}, []int{2, 1}, byLen),
		slices.CompareFunc([]string{"ab", "c"}, []int{2, 5}, byLen),
		slices.CompareFunc([]string{"ab"}, []int{2, 5}, byLen),
		slices.CompareFunc([]string{"ab", "cd"}, []int{2}, byLen))
}
