package main

func walk(p *int, n int) int {
	if n == 0 {
		return *p
	}
	return walk(p, n-1)
}

func main() {
	x := 3
	println(walk(&x, 5))
}
