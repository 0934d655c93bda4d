package main

import "fmt"

type T struct {
	A int
	B []string
}

func main() {
	t := &T{1, []string{"x"}}
	fmt.Println(t)
	fmt.Printf("%v %+v\n", t, t)
	fmt.Printf("%s\n", t)
	pp := &t
	fmt.Println(pp != nil)
	arr := &[2]int{1, 2}
	sl := &[]int{3}
	m := &map[string]int{"k": 1}
	fmt.Println(arr, sl, m)
	var nilp *T
	fmt.Println(nilp)
	fmt.Printf("%v %+v\n", nilp, nilp)
	type W struct{ P *T }
	w := W{nil}
	fmt.Printf("%v %+v\n", w, w)
	x := 5
	ip := &x
	fmt.Println(*ip, ip == &x)
}
