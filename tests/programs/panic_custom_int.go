package main

import "fmt"

func check(n int) {
	if n > 2 {
		panic(n * 14)
	}
	fmt.Println("ok", n)
}

func main() {
	for i := 1; i <= 3; i++ {
		check(i)
	}
}
