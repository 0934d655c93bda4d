// Elided `&T` in composite literals for every kind of T (the spec: "elements or keys
// that are addresses of composite literals may elide the &T when the element or key type
// is *T"): pointers to maps, slices, arrays and structs, as elements, map values and map
// keys; each literal a distinct object; a slice behind a pointer that does not escape
// still outliving it.
package main

import (
	"fmt"
	"runtime"
)

type point struct{ x, y int }

func backing() []int {
	ps := []*[]int{{1, 2, 3}, {4}}
	return *ps[0]
}

func grow() []*map[string]int {
	var out []*map[string]int
	for i := range 3 {
		out = append(out, []*map[string]int{{"i": i, "sq": i * i}}...)
	}
	return out
}

func main() {
	a := []*map[string]int{{"a": 1}, {"b": 2, "c": 3}, {}}
	fmt.Println(len(a), (*a[0])["a"], len(*a[1]), len(*a[2]), a[0] != a[2])
	(*a[2])["z"] = 26
	fmt.Println(*a[2])

	b := map[string]*[]int{"x": {1, 2, 3}, "y": {}}
	*b["x"] = append(*b["x"], 4)
	fmt.Println(*b["x"], len(*b["y"]), *b["y"] == nil)

	c := [2]*[2]string{{"p", "q"}, {1: "r"}}
	fmt.Printf("%q %q\n", *c[0], *c[1])

	d := map[*[2]int]string{{1, 2}: "one-two", {1, 2}: "again"}
	fmt.Println(len(d))
	for k, v := range d {
		if v == "one-two" {
			fmt.Println(*k, v)
		}
	}

	e := []*point{{1, 2}, {y: 5}}
	fmt.Println(*e[0], *e[1])

	f := [][]*[]string{{{"deep"}, {"er", "est"}}}
	fmt.Println(*f[0][0], *f[0][1])

	s := backing()
	runtime.GC()
	fmt.Println(s, cap(s))

	g := grow()
	runtime.GC()
	for _, m := range g {
		fmt.Println(*m)
	}
}
