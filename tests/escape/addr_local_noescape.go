package main

func sum(p *int) int { return *p + 1 }

func main() {
	x := 41
	println(sum(&x))
}
