package main

import "fmt"

type Inner struct {
	A int
	B string
}

type Outer struct {
	Name  string
	In    Inner
	Ptr   *Inner
	List  []int
	M     map[string]int
	Any   any
	flag  bool
	Float float64
}

func main() {
	o := Outer{Name: "o", In: Inner{1, "x"}, List: []int{1, 2}, M: map[string]int{"k": 1}, Any: 42, Float: 2.5}
	fmt.Printf("%v\n", o)
	fmt.Printf("%+v\n", o)
	fmt.Printf("%#v\n", o)
	fmt.Printf("%v %+v %#v\n", o.In, o.In, o.In)
	fmt.Printf("%v\n", []Inner{{1, "a"}, {2, "b"}})
	fmt.Printf("%#v\n", []Inner{{1, "a"}})
	fmt.Printf("%+v\n", &o.In)
	fmt.Printf("%#v\n", [2]bool{true})
	fmt.Printf("%#v %#v %#v\n", "s", 3, 1.0)
	fmt.Printf("%#v\n", struct{ P *int }{})
}
