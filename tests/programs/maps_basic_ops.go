package main

import "fmt"

func main() {
	m := map[string]int{"one": 1, "two": 2}
	m["three"] = 3
	fmt.Println(len(m), m["two"], m["missing"])
	v, ok := m["one"]
	fmt.Println(v, ok)
	v, ok = m["zero"]
	fmt.Println(v, ok)
	delete(m, "one")
	delete(m, "not-there")
	fmt.Println(len(m), m)
	m["two"] += 20
	m["new"]++
	fmt.Println(m)
	if _, found := m["three"]; found {
		fmt.Println("found three")
	}
	sum := 0
	for _, v := range m {
		sum += v
	}
	fmt.Println("sum", sum)
	m2 := make(map[int]bool, 100)
	fmt.Println(len(m2), m2[5])
}
