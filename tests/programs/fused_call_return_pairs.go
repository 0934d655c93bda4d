// Calls and returns fused with the instruction before them: `f(n-1)` (an argument
// increment, then the call) and `return n`, `return a op b` (the result, then the
// return). Return addresses (runtime.Caller), deep recursion that grows the stack,
// deferred calls, division by zero and wrap-around in a returned expression.
package main

import (
	"fmt"
	"runtime"
)

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func line(n int) int {
	_, _, l, _ := runtime.Caller(1)
	return l - n
}

func caller(n int) int {
	return line(n+1) * 10
}

func quo(a, b int) int { return a / b }
func rem(a, b int) int { return a % b }
func shl(a, b uint) uint { return a << b }
func mul(a, b int64) int64 { return a * b }
func sub(a, b int8) int8 { return a - b }
func id(n int) int { return n }

func withDefer(n int) (r int) {
	defer func() { r *= 2 }()
	return n
}

func main() {
	fmt.Println(fib(20), depth(100000), id(-7))
	fmt.Println(caller(0), caller(5), line(1))
	fmt.Println(quo(-7, 2), rem(-7, 2), shl(1, 63), shl(1, 64), mul(1<<62, 4), sub(-128, 1))
	fmt.Println(withDefer(21))
	fmt.Println(try(func() int { return rem(5, 0) }))
	var zero int
	fmt.Println(quo(1, zero))
}

func try(f func() int) (r int, err any) {
	defer func() { err = recover() }()
	return f(), nil
}
