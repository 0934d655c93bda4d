package main

func main() {
	x := 1
	defer func() { println(x) }()
	x = 2
}
