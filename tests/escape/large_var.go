package main

func main() {
	var big [2 << 20]int
	big[0] = 1
	println(big[0])
	p := new([10000]int)
	p[1] = 2
	println(p[1])
}
