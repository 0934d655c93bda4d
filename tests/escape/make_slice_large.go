package main

func main() {
	s := make([]byte, 100000)
	println(len(s))
	t := make([]int, 8192)
	u := make([]int, 8193)
	println(len(t), len(u))
}
