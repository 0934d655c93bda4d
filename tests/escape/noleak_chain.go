package main

func a(p *int) int { return b(p) }
func b(p *int) int { return c(p) }
func c(p *int) int { return *p }

func main() {
	x := 7
	println(a(&x))
}
