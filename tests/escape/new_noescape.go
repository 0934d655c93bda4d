package main

func main() {
	p := new(int)
	*p = 3
	println(*p)
}
