package main

func main() {
	n := 10
	s := make([]int, n)
	println(len(s))
}
