package main

func outer() func() int {
	x := 0
	inc := func() {
		x++
	}
	return func() int {
		inc()
		return x
	}
}

func main() {
	f := outer()
	f()
	println(f())
}
