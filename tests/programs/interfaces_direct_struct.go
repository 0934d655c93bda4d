// Structs and arrays of one pointer-shaped element are stored directly in an interface
// data word (gc's pointer-shaped types): methods, promoted methods, assertions,
// type switches, map keys, equality and printing all see the value itself.
package main

import "fmt"

type T struct{ n int }

func (t *T) Inc()        { t.n++ }
func (t T) Get() int     { return t.n }
func (t *T) String() string { return fmt.Sprintf("T(%d)", t.n) }

type W struct{ *T }

type P struct{ p *int }

func (p P) Val() int { return *p.p }

type A [1]*int

func (a A) Val() int { return *a[0] }

type Valer interface{ Val() int }
type Incer interface {
	Inc()
	Get() int
}

func main() {
	x := 41
	var v Valer = P{&x}
	x++
	fmt.Println(v.Val())
	var a Valer = A{&x}
	fmt.Println(a.Val())
	w := W{&T{1}}
	var i Incer = w
	i.Inc()
	i.Inc()
	fmt.Println(i.Get(), w.n)
	var e any = w
	if ww, ok := e.(W); ok {
		fmt.Println("W", ww.n, ww.T == w.T)
	}
	switch q := v.(type) {
	case P:
		fmt.Println("P", *q.p)
	}
	m := map[any]int{}
	m[P{&x}] = 1
	m[P{&x}]++
	y := 0
	m[P{&y}] = 5
	fmt.Println(len(m), m[P{&x}], m[P{&y}])
	fmt.Println(v == Valer(P{&x}), v == Valer(P{&y}))
	fmt.Printf("%v %+v\n", e, struct{ f func() }{nil})
	var s fmt.Stringer = w
	fmt.Println(s.String(), s)
	f := w.Inc
	f()
	fmt.Println(w.Get())
	g := func() int { return v.Val() }
	fmt.Println(g())
	var arr any = [1]map[string]int{{"a": 1}}
	fmt.Println(arr)
}
