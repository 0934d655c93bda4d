package main

import (
	"fmt"
	"sort"
)

type Employee struct {
	Name   string
	Salary int
}

func main() {
	staff := map[string]Employee{
		"e1": {"Ann", 100},
		"e2": {"Bob", 90},
	}
	e := staff["e1"]
	e.Salary += 10
	staff["e1"] = e
	fmt.Println(staff)
	ptrs := map[string]*Employee{"x": {"Cid", 50}}
	ptrs["x"].Salary *= 2
	fmt.Println(*ptrs["x"])
	keys := make([]string, 0, len(staff))
	for k := range staff {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s=%+v\n", k, staff[k])
	}
	fmt.Println(staff["nobody"].Name == "", staff["nobody"])
}
