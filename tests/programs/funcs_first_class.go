package main

import "fmt"

func apply(f func(int) int, xs []int) []int {
	out := []int{}
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func double(x int) int { return x * 2 }

func main() {
	inc := func(x int) int { return x + 1 }
	fmt.Println(apply(double, []int{1, 2, 3}))
	fmt.Println(apply(compose(double, inc), []int{1, 2, 3}))
	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(ops["add"](3, 4), ops["mul"](3, 4))
	var nf func()
	fmt.Println(nf == nil)
	fmt.Printf("%T\n", compose)
	fib := func() func() int {
		a, b := 0, 1
		return func() int { a, b = b, a+b; return a }
	}()
	for i := 0; i < 10; i++ {
		fmt.Print(fib(), " ")
	}
	fmt.Println()
}
