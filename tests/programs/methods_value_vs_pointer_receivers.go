package main

import "fmt"

type Acc struct{ n int }

func (a Acc) AddValue(x int)    { a.n += x }
func (a *Acc) AddPointer(x int) { a.n += x }

type Shape interface{ Area() int }

type Sq struct{ s int }

func (q *Sq) Area() int { return q.s * q.s }

type Rc struct{ w, h int }

func (r Rc) Area() int { return r.w * r.h }

func main() {
	a := Acc{}
	a.AddValue(5)
	fmt.Println(a.n)
	a.AddPointer(5)
	fmt.Println(a.n)
	shapes := []Shape{&Sq{3}, Rc{2, 5}, &Rc{1, 1}}
	for _, s := range shapes {
		fmt.Printf("%T %d\n", s, s.Area())
	}
	f := a.AddPointer
	f(10)
	fmt.Println(a.n)
	g := a.AddValue
	a.n = 0
	g(1)
	fmt.Println(a.n)
}
