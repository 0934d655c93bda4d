package main

import "fmt"

func trace(msg string) string {
	fmt.Println("enter", msg)
	return msg
}

func un(msg string) { fmt.Println("leave", msg) }

func nested() {
	defer un(trace("nested"))
	fmt.Println("in nested")
}

func main() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	x := 1
	defer fmt.Println("x at defer time:", x)
	defer func() { fmt.Println("x in closure:", x) }()
	x = 100
	nested()
	s := []int{1}
	defer fmt.Println("slice arg:", s)
	s[0] = 42
	fmt.Println("main body done")
}
