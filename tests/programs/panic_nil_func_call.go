package main

import "fmt"

var hooks = map[string]func(int) int{
	"double": func(x int) int { return x * 2 },
}

func main() {
	fmt.Println(hooks["double"](21))
	f := hooks["triple"]
	fmt.Println("calling nil func", f == nil)
	fmt.Println(f(1))
}
