package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func two(a int) (int, int) { return a * 2, a * 3 }

func half(x float64) float64 { return x / 2 }

type acc struct{ n int }

func (a *acc) add(k int) int { a.n += k; return a.n }

func clobber(xs []int) int {
	// The second call's frame overlaps nothing the first call's result lives in; each
	// result is read after both calls.
	return sum(xs[:2]) - sum(xs[2:]) + sum(xs)
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	fmt.Println(fib(20), fib(1), fib(0))
	a, b := two(7)
	c := a + b
	fmt.Println(a, b, c)
	s := 0
	for i := 0; i < 5; i++ {
		s += i * fib(i)
	}
	fmt.Println(s)
	if fib(10) < fib(11) && half(3) > half(2) {
		fmt.Println("ordered", half(5)+half(7), -half(1))
	}
	var p acc
	fmt.Println(p.add(1)+p.add(2), p.n)
	fmt.Println(clobber([]int{1, 2, 3, 4}))
	f := func(x int) int { return x + 100 }
	fmt.Println(f(1)*f(2), uint8(f(200)), f(-1) == 99)
	str := fmt.Sprint(1) + fmt.Sprint(2)
	fmt.Println(str, len(fmt.Sprint(fib(15)))+fib(3))
}
