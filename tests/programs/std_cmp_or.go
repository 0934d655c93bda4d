// cmp.Or returns its first argument that is not the zero value: defaults for
// configuration strings and numbers, and multi-key comparisons for sorting (the first
// non-zero comparison decides).
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type order struct {
	customer string
	product  string
	price    float64
}

type point struct{ x, y int }

func main() {
	fmt.Println(cmp.Or("", "", "fallback"), cmp.Or("set", "fallback"), cmp.Or[string]())
	fmt.Println(cmp.Or(0, 0, 8080), cmp.Or(0.0, -0.5), cmp.Or(false, true), cmp.Or[int]())
	fmt.Println(cmp.Or(point{}, point{1, 2}, point{3, 4}))
	var p1, p2 *point
	p2 = &point{5, 6}
	fmt.Println(*cmp.Or(p1, p2), cmp.Or(p1, nil) == nil)
	var e1 error
	fmt.Println(cmp.Or(e1, fmt.Errorf("second")))

	orders := []order{
		{"foo", "widget", 10},
		{"bar", "gadget", 25},
		{"foo", "gadget", 25},
		{"baz", "widget", 10},
		{"bar", "widget", 5},
		{"foo", "gizmo", 25},
	}
	slices.SortFunc(orders, func(a, b order) int {
		return cmp.Or(
			cmp.Compare(b.price, a.price), // price descending
			strings.Compare(a.customer, b.customer),
			strings.Compare(a.product, b.product),
		)
	})
	for _, o := range orders {
		fmt.Printf("%-4s %-7s %5.2f\n", o.customer, o.product, o.price)
	}
}
