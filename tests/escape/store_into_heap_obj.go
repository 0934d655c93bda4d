package main

type Box struct{ p *int }

var gb *Box

func main() {
	gb = &Box{}
	x := 1
	gb.p = &x
	println(*gb.p)
}
