package main

import "fmt"

func swap(a, b *int) {
	*a, *b = *b, *a
}

func addBoth(dst, src *int) {
	*dst += *src
	*dst += *src
}

func main() {
	x, y := 1, 2
	swap(&x, &y)
	fmt.Println(x, y)
	z := 5
	addBoth(&z, &z)
	fmt.Println(z)
	a := []int{1, 2, 3}
	p := &a[0]
	a[0] = 100
	fmt.Println(*p)
	type S struct{ v int }
	s1 := S{1}
	ps := &s1
	s2 := *ps
	s2.v = 2
	fmt.Println(s1.v, s2.v, ps.v)
}
