package main

func main() {
	x := 1
	func() { x++ }()
	println(x)
}
