package main

func main() {
	m := map[int]*int{}
	x := 1
	m[0] = &x
	println(*m[0])
}
