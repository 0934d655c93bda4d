package main

func apply(f func(int) int, v int) int { return f(v) }

func main() {
	k := 3
	println(apply(func(v int) int { return v * k }, 4))
}
