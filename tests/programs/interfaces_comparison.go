package main

import "fmt"

type A struct{ n int }
type B struct{ n int }

func main() {
	var x, y any = A{1}, A{1}
	fmt.Println(x == y)
	y = B{1}
	fmt.Println(x == y)
	x, y = 1, int64(1)
	fmt.Println(x == y)
	x, y = "s", "s"
	fmt.Println(x == y)
	var p1, p2 any = &A{1}, &A{1}
	fmt.Println(p1 == p2)
	pa := &A{2}
	p1, p2 = pa, pa
	fmt.Println(p1 == p2)
	var e1, e2 error
	fmt.Println(e1 == e2)
	fmt.Println(any(nil) == nil, any((*int)(nil)) == nil)
	m := map[any]int{A{1}: 1, B{1}: 2}
	fmt.Println(m[A{1}], m[B{1}])
}
