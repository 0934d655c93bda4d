package main

type Box struct{ p *int }

func set(b *Box, p *int) { b.p = p }

func main() {
	var b Box
	x := 1
	set(&b, &x)
	println(*b.p)
}
