package main

import "fmt"

func main() {
	s := []int{1}
	s = append(s)
	s = append(s, 2, 3)
	s = append(s, []int{4, 5}...)
	s = append(s, s...)
	fmt.Println(s)
	b := append([]byte("ab"), "cd"...)
	fmt.Println(string(b))
	var nilS []string
	nilS = append(nilS, nilS...)
	fmt.Println(nilS == nil, len(nilS))
	var anys []any
	anys = append(anys, 1, "two", nil)
	fmt.Println(anys, len(anys))
	x := []int{1, 2, 3, 4}
	x = append(x[:1], x[2:]...)
	fmt.Println(x)
	type P struct{ A int }
	ps := append([]P(nil), P{1}, P{A: 2})
	fmt.Println(ps)
}
