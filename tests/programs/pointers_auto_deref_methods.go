package main

import "fmt"

type V struct{ N int }

func (v V) Get() int   { return v.N }
func (v *V) Set(n int) { v.N = n }

func main() {
	v := V{1}
	v.Set(2)
	fmt.Println(v.Get())
	p := &v
	p.Set(3)
	fmt.Println(p.Get(), p.N, (*p).N)
	vs := []V{{1}, {2}}
	vs[0].Set(10)
	fmt.Println(vs)
	get := v.Get
	set := p.Set
	set(42)
	fmt.Println(get(), v.N)
	f := (*V).Set
	f(&v, 7)
	g := V.Get
	fmt.Println(g(v))
}
