package main

var fs []func() int

func main() {
	x := 5
	fs = append(fs, func() int { return x })
	println(fs[0]())
}
