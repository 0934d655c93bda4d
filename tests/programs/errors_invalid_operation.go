package main

import "fmt"

type S struct{ A int }

func main() {
	s := []int{1}
	t := []int{1}
	fmt.Println(s == t)
	m := map[string]int{}
	fmt.Println(m["a"] + "b")
	fmt.Println(S{1} < S{2})
	b := true
	fmt.Println(-b)
}
