package main

import "fmt"

func main() {
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
	x := []int{0, 0, 0}
	i := 0
	i, x[i] = 1, 2
	fmt.Println(i, x)
	j := 1
	x[j], j = 9, 2
	fmt.Println(j, x)
	s := []int{1, 2, 3}
	s[0], s[1], s[2] = s[2], s[0], s[1]
	fmt.Println(s)
	m := map[string]int{}
	k := "a"
	k, m[k] = "b", 1
	fmt.Println(k, m)
	p, q, r := 1, 2, 3
	p, q, r = q+r, p+r, p+q
	fmt.Println(p, q, r)
	type T struct{ v int }
	t := &T{1}
	u := t
	t, t.v = &T{5}, 10
	fmt.Println(t.v, u.v)
}
