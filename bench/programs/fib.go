// fib: naive doubly recursive Fibonacci. Calls and returns, small-int arithmetic; no allocation.
package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	fmt.Println("fib(39) =", fib(39))
}
