package main

type C struct{ n int }

func (c *C) Inc() { c.n++ }

func main() {
	var c C
	c.Inc()
	println(c.n)
}
