package main

import "fmt"

func fact(n int) int {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

func hanoi(n int, from, to, via string, moves *int) {
	if n == 0 {
		return
	}
	hanoi(n-1, from, via, to, moves)
	*moves++
	hanoi(n-1, via, to, from, moves)
}

func main() {
	fmt.Println(fact(10), fact(20), fact(21))
	fmt.Println(isEven(10), isOdd(7), isEven(7))
	moves := 0
	hanoi(10, "A", "C", "B", &moves)
	fmt.Println(moves)
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	fmt.Println(fib(25))
	depth := 0
	var deep func(int)
	deep = func(n int) {
		if n > depth {
			depth = n
		}
		if n < 100000 {
			deep(n + 1)
		}
	}
	deep(0)
	fmt.Println(depth)
}
