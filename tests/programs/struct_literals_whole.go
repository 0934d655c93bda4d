// Struct literals that write every byte of a pointer-free struct are built without zeroing
// first: fields given out of order, reading the variable being assigned, a padded struct
// (zeroed as before), keyed literals that leave a field out, and a panic half-way through.
package main

import "fmt"

type P struct{ X, Y int }
type Q struct {
	A int8
	B int64
}
type R struct {
	N int
	S string
}
type F struct{ A, B float64 }

func sw(p P) P { return P{X: p.Y, Y: p.X} }

func main() {
	p := P{1, 2}
	p = P{X: p.Y, Y: p.X}
	fmt.Println(p)
	p = P{Y: p.X + 10, X: p.Y + 20}
	fmt.Println(p, sw(p))
	q := Q{A: 1, B: 2}
	q = Q{B: 5, A: q.A + 1}
	fmt.Println(q, q == Q{2, 5})
	r := R{N: 1, S: "a"}
	r = R{S: r.S + "b", N: r.N + 1}
	fmt.Println(r)
	x := P{X: 3}
	x = P{Y: x.X}
	fmt.Println(x, x == P{0, 3})
	f := F{1.5, 2.5}
	f = F{B: f.A, A: f.B}
	fmt.Println(f)
	ps := []P{}
	for i := 0; i < 3; i++ {
		v := P{X: i, Y: i * i}
		ps = append(ps, v)
		pp := &P{X: v.Y, Y: v.X}
		ps = append(ps, *pp)
	}
	fmt.Println(ps)
	var arr [2]P
	arr[1] = P{Y: arr[0].X + 7, X: 9}
	fmt.Println(arr)
	func() {
		defer func() { fmt.Println(recover(), p) }()
		var z []int
		p = P{X: 100, Y: z[3]}
	}()
}
