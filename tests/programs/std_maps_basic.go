// maps.Equal, EqualFunc, Clone, Copy and DeleteFunc: Equal compares key-value pairs with
// == (a NaN value is never equal), Clone is shallow and keeps nil nil, Copy overwrites
// existing keys, DeleteFunc removes while iterating.
package main

import (
	"fmt"
	"maps"
	"math"
	"strings"
)

type Inventory map[string]int

func main() {
	a := map[string]int{"x": 1, "y": 2}
	b := map[string]int{"y": 2, "x": 1}
	fmt.Println(maps.Equal(a, b), maps.Equal(a, map[string]int{"x": 1}), maps.Equal(a, map[string]int{"x": 1, "z": 2}))
	fmt.Println(maps.Equal(map[int]bool{}, map[int]bool(nil)), maps.Equal(Inventory{"a": 1}, map[string]int{"a": 1}))
	nan := math.NaN()
	fmt.Println(maps.Equal(map[int]float64{1: nan}, map[int]float64{1: nan}))
	fmt.Println(maps.EqualFunc(map[int]string{1: "One"}, map[int]string{1: "ONE"}, strings.EqualFold))
	fmt.Println(maps.EqualFunc(map[int]int{1: 10}, map[int]string{1: "10"}, func(n int, s string) bool {
		return fmt.Sprint(n) == s
	}))

	inv := Inventory{"apple": 5, "pear": 0}
	c := maps.Clone(inv)
	c["apple"] = 99
	fmt.Printf("%T %v %v\n", c, c, inv)
	var nilMap map[string]int
	fmt.Println(maps.Clone(nilMap) == nil, maps.Clone(map[string]int{}) == nil)

	// Clone is shallow: slices inside are shared.
	deep := map[string][]int{"k": {1, 2}}
	dc := maps.Clone(deep)
	dc["k"][0] = 100
	fmt.Println(deep, dc)

	dst := map[string]int{"a": 1, "b": 2}
	maps.Copy(dst, map[string]int{"b": 20, "c": 30})
	fmt.Println(dst)
	maps.Copy(dst, nilMap)
	fmt.Println(len(dst))

	scores := map[string]int{"ann": 90, "bob": 45, "cy": 70, "dee": 30, "eve": 100}
	maps.DeleteFunc(scores, func(name string, score int) bool { return score < 50 })
	fmt.Println(scores)
	maps.DeleteFunc(scores, func(string, int) bool { return true })
	fmt.Println(scores, len(scores))
	maps.DeleteFunc(nilMap, func(string, int) bool { return true })
}
