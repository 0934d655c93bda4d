package main

func main() {
	var a [4]int
	s := a[:]
	s[0] = 1
	println(a[0])
}
