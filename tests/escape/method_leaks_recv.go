package main

type C struct{ n int }

var g *C

func (c *C) Save() { g = c }

func main() {
	var c C
	c.Save()
	println(g.n)
}
