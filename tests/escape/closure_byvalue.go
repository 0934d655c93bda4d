package main

func mk() func() int {
	x := 5
	return func() int { return x * 2 }
}

func main() { println(mk()()) }
