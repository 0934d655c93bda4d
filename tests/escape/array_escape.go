package main

var gs []int

func main() {
	var a [4]int
	gs = a[:]
	println(len(gs))
}
