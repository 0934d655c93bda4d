package main

type T struct{ v int }

func pick(a, b *T, first bool) *T {
	if first {
		return a
	}
	return b
}

var g *T

func main() {
	x, y := T{1}, T{2}
	g = pick(&x, &y, true)
	z := T{3}
	w := pick(&z, &z, false)
	println(g.v, w.v)
}
