package main

import "fmt"

var trace []string

func f(name string, v int) int {
	trace = append(trace, name)
	return v
}

func idx(name string, v int) int {
	trace = append(trace, "idx-"+name)
	return v
}

func main() {
	arr := make([]int, 5)
	arr[idx("a", 1)], arr[idx("b", 2)] = f("x", 10), f("y", 20)
	fmt.Println(arr, trace)
	trace = nil
	sum := f("l", 1) + f("r", 2)*f("m", 3)
	fmt.Println(sum, trace)
	trace = nil
	fmt.Println(f("p1", 1), f("p2", 2))
	fmt.Println(trace)
	trace = nil
	m := map[int]int{f("k1", 1): f("v1", 1), f("k2", 2): f("v2", 2)}
	fmt.Println(len(m), trace)
	trace = nil
	s := []int{f("e1", 1), f("e2", 2)}
	_ = s
	fmt.Println(trace)
}
