package main

type C struct{ n int }

func (c C) Get() int { return c.n }

var gf func() int

func main() {
	c := C{3}
	f := c.Get
	println(f())
	gf = c.Get
}
