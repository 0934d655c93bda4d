package main

func main() {
	a, b := 1, 2
	ps := []*int{&a, &b}
	println(*ps[0] + *ps[1])
}
