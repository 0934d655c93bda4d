package main

import "fmt"

func level(n int) {
	if n == 0 {
		var p *int
		fmt.Println(*p)
	}
	defer fmt.Println("unwind", n)
	level(n - 1)
}

func main() {
	level(3)
}
