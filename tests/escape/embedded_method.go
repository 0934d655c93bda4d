package main

type Inner struct{ n int }

func (i *Inner) Inc() { i.n++ }

type Outer struct{ Inner }

func main() {
	var o Outer
	o.Inc()
	println(o.n)
}
