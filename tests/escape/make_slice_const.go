package main

func main() {
	s := make([]int, 10)
	s[0] = 1
	println(len(s), s[0])
}
