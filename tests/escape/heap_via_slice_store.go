package main

func main() {
	s := make([]*int, 1)
	x := 1
	s[0] = &x
	println(*s[0])
}
