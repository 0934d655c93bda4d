package main

import "fmt"

func add(m map[string]int, k string) {
	m[k]++
}

func reset(m map[string]int) {
	m = map[string]int{"fresh": 1}
	_ = m
}

func main() {
	a := map[string]int{"x": 1}
	b := a
	b["y"] = 2
	add(a, "z")
	reset(a)
	fmt.Println(a, b, len(a))
	clear(b)
	fmt.Println(a, len(a))
	c := map[string]int{"k": 1}
	for k, v := range c {
		c[k] = v * 10
	}
	fmt.Println(c)
	type pair struct{ k, v int }
	m := map[pair]string{{1, 2}: "a"}
	m[pair{1, 2}] += "b"
	fmt.Println(m[pair{1, 2}])
}
