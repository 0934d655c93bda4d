package main

var gs []int

func main() {
	s := []int{1, 2, 3}
	println(len(s))
	gs = []int{4, 5}
}
