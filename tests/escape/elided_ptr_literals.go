package main

// Elided &T in composite literals whose T allocates on its own (a slice literal's backing
// array, a map literal): two sites at one node, named `&T{...}` and `T{...}` by gc.

func backing() []int {
	ps := []*[]int{{1, 2, 3}, {4}}
	return *ps[0]
}

func keep() *[]int {
	ps := []*[]int{{5, 6}}
	return ps[0]
}

func local() int {
	ms := []*map[string]int{{"a": 1}}
	return (*ms[0])["a"]
}

var sink []*map[int]int

func global() {
	sink = append(sink, []*map[int]int{{1: 2}}...)
}

func main() {
	_ = backing()
	_ = keep()
	_ = local()
	global()
}
