// Calls and returns in tight loops, which the interpreter's inner loop runs itself:
// deep recursion that grows the stack, mutual recursion, interface and closure calls,
// a callee with a defer, a panic several calls deep recovered above the loop, results
// of several words, and goroutines that loop on calls while another waits for them.
package main

import "fmt"

type Op interface{ Apply(int) int }

type Add struct{ n int }
type Mul struct{ n int }

func (a Add) Apply(x int) int  { return x + a.n }
func (m *Mul) Apply(x int) int { return x * m.n % 1000003 }

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func even(n int) bool {
	if n == 0 {
		return true
	}
	return odd(n - 1)
}

func odd(n int) bool {
	if n == 0 {
		return false
	}
	return even(n - 1)
}

func pair(i int) (int, string, float64) {
	return i * 2, "p", float64(i) / 2
}

var deferred int

func withDefer(i int) (r int) {
	defer func() { r += 1; deferred++ }()
	return i
}

func explode(n int) int {
	if n == 0 {
		panic(fmt.Sprintf("deep %d", n))
	}
	return explode(n-1) + 1
}

func safe() (msg string) {
	defer func() { msg = fmt.Sprint(recover()) }()
	for i := 0; i < 3; i++ {
		explode(50)
	}
	return "no panic"
}

func main() {
	fmt.Println("depth", depth(100000))
	fmt.Println("even", even(10001), odd(7777))

	ops := []Op{Add{3}, &Mul{7}, Add{-1}, &Mul{3}}
	x := 1
	for i := 0; i < 100000; i++ {
		x = ops[i%len(ops)].Apply(x)
	}
	fmt.Println("ops", x)

	base := 5
	f := func(v int) int { return v*base + 1 }
	acc := 0
	for i := 0; i < 100000; i++ {
		acc = (acc + f(i)) % 999983
	}
	fmt.Println("closure", acc)

	sa, ss, sf := 0, "", 0.0
	for i := 0; i < 1000; i++ {
		a, s, fl := pair(i)
		sa += a
		ss = s
		sf += fl
	}
	fmt.Println("pair", sa, ss, sf)

	w := 0
	for i := 0; i < 1000; i++ {
		w += withDefer(i)
	}
	fmt.Println("defer", w, deferred)

	fmt.Println("recovered:", safe())

	done := make(chan int)
	for g := 0; g < 3; g++ {
		go func(g int) {
			s := 0
			for i := 0; i < 200000; i++ {
				s += Add{g}.Apply(i) & 1
			}
			done <- s
		}(g)
	}
	t := 0
	for g := 0; g < 3; g++ {
		t += <-done
	}
	fmt.Println("goroutines", t)
}
