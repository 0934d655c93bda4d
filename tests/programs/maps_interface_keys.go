package main

import "fmt"

func main() {
	m := map[any]string{}
	m[1] = "int one"
	m[int64(1)] = "int64 one"
	m["1"] = "string one"
	m[1.0] = "float one"
	m[true] = "bool"
	m[[2]int{1, 2}] = "array"
	fmt.Println(len(m))
	fmt.Println(m[1], "|", m[int64(1)], "|", m[1.0], "|", m["1"])
	_, ok := m[int8(1)]
	fmt.Println(ok)
	fmt.Println(m[[2]int{1, 2}])
	type K struct{ A int }
	m[K{1}] = "struct"
	fmt.Println(m[K{1}], len(m))
}
