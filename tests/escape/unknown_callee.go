package main

func call(f func(*int), p *int) { f(p) }

func main() {
	x := 1
	call(func(p *int) { *p++ }, &x)
	println(x)
}
