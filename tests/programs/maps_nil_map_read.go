package main

import "fmt"

func main() {
	var m map[string]int
	fmt.Println(m == nil, len(m), m["x"])
	v, ok := m["y"]
	fmt.Println(v, ok)
	delete(m, "z")
	for k := range m {
		fmt.Println("never", k)
	}
	fmt.Println(m)
	fmt.Printf("%v %#v\n", m, m)
	clear(m)
	m = map[string]int{}
	m["a"] = 1
	fmt.Println(m, m == nil)
}
