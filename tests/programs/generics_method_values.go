// Method values and method expressions of instantiated generic types.
package main

import "fmt"

type Acc[T int | string] struct{ v T }

func (a *Acc[T]) Add(x T) { a.v += x }
func (a Acc[T]) Get() T   { return a.v }

type Getter[T any] interface{ Get() T }

func main() {
	a := &Acc[int]{}
	add := a.Add
	add(3)
	add(4)
	get := a.Get
	a.Add(10)
	fmt.Println(a.Get(), get())
	s := Acc[string]{"x"}
	addS := (*Acc[string]).Add
	addS(&s, "y")
	getS := Acc[string].Get
	fmt.Println(getS(s))
	var g Getter[string] = s
	f := func() string { return g.Get() }
	fmt.Println(f())
	fs := []func() int{a.Get, Acc[int]{5}.Get}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
