// Constants used inside loops, which the compiler loads once at the function's entry:
// int, float, bool and byte constants, more distinct constants than are hoisted, a loop
// that is the function's first statement (a jump back to the start), a panic recovered
// in a function with hoisted constants (its epilogue), closures, goroutines, and a
// constant stored through a pointer and into a map.
package main

import "fmt"

func first(n int) (s float64) {
	for i := 0; i < n; i++ {
		s += 0.5 * float64(i) / 4.0
	}
	return
}

func many(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += i*3 + i%7 - i/5 + (i & 11) + (i | 13) ^ 17 + i*19 + 23 - i*29 + 31
	}
	return t
}

func recovered(n int) (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = -r
		}
	}()
	var xs []int
	for i := 0; i < n; i++ {
		r += 1000 + i
		if i == 3 {
			_ = xs[i] // index out of range: recovered
		}
	}
	return r
}

func main() {
	fmt.Println(first(10), first(0))
	fmt.Println(many(100))
	fmt.Println(recovered(10), recovered(2))
	flags := make([]bool, 6)
	bs := make([]byte, 6)
	for i := range flags {
		flags[i] = i%2 == 0 || true
		bs[i] = 'a' + byte(i)
	}
	fmt.Println(flags, string(bs))
	p := new(int)
	m := map[string]float64{}
	for i := 0; i < 3; i++ {
		*p += 42
		m["k"] += 2.5
	}
	fmt.Println(*p, m)
	var fs []func() float64
	for i := 0; i < 3; i++ {
		fs = append(fs, func() float64 { return float64(i) * 1.25 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	done := make(chan int)
	go func() {
		s := 0
		for i := 0; i < 100; i++ {
			s += 7
		}
		done <- s
	}()
	fmt.Println(<-done)
	x := 0.0
	for x < 1e6 {
		x = x*2.0 + 1.0
	}
	fmt.Println(x)
}
