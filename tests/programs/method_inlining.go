// Small methods with value receivers are inlined: called directly, through a pointer
// (the receiver loaded at the call), through an embedded field, and by an interface's
// wrapper. What the program sees must not change: values, evaluation order when an
// argument has side effects, and a nil pointer's panic.
package main

import "fmt"

type Vec struct{ X, Y float64 }

func (v Vec) Dot(w Vec) float64 { return v.X*w.X + v.Y*w.Y }
func (v Vec) Len2() float64     { return v.Dot(v) }
func (v Vec) Less(w Vec) bool   { return v.X < w.X || v.X == w.X && v.Y < w.Y }

type Named struct {
	Vec
	Name string
}

func (n Named) Is(s string) bool { return n.Name == s }

type Box struct {
	*Vec
	K int
}

type Counter struct{ N int }

func (c Counter) Plus(k int) int { return c.N + k }

type Lener interface{ Len2() float64 }

type Adder interface{ Plus(k int) int }

func swap(a *Adder) int {
	*a = Counter{100}
	return 1
}

func bump(c *Counter) int {
	c.N += 10
	return 1
}

func main() {
	a, b := Vec{1, 2}, Vec{3, 4}
	fmt.Println(a.Dot(b), a.Len2(), a.Less(b), b.Less(a))

	p := &b
	fmt.Println(p.Dot(a), p.Len2())

	n := Named{Vec{5, 6}, "six"}
	fmt.Println(n.Dot(a), n.Is("six"), n.Is("five"))

	bx := Box{&Vec{7, 8}, 1}
	fmt.Println(bx.Len2())

	// An argument with a side effect on the receiver's variable: the receiver is
	// evaluated first, as for any call.
	c := Counter{1}
	fmt.Println(c.Plus(bump(&c)), c.N)
	var ad Adder = Counter{1}
	fmt.Println(ad.Plus(swap(&ad)))

	var ls []Lener = []Lener{a, &b, n}
	sum := 0.0
	for _, l := range ls {
		sum += l.Len2()
	}
	fmt.Println(sum)

	f := a.Dot
	fmt.Println(f(Vec{1, 1}))

	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var np *Vec
	fmt.Println(np.Len2())
}
