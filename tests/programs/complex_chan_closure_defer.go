package main

import (
	"fmt"
	"sync"
)

var total complex128

func addAll(vals ...complex128) (sum complex128) {
	defer func() { sum *= 1i }()
	for _, v := range vals {
		sum += v
	}
	return
}

// Complex values through channels, select, goroutines, closures, defers, variadic
// parameters and named results.
func main() {
	ch := make(chan complex64, 3)
	results := make(chan complex128)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var acc complex128
		for z := range ch {
			acc += complex128(z)
		}
		results <- acc
	}()
	for i := 1; i <= 5; i++ {
		ch <- complex(float32(i), float32(-i))
	}
	close(ch)
	fmt.Println(<-results)
	wg.Wait()

	rot := 1 + 0i
	step := func() complex128 {
		rot *= 1i
		return rot
	}
	fmt.Println(step(), step(), step(), step())

	funcs := []func(complex128) complex128{}
	for _, k := range []complex128{1, 1i, -1} {
		funcs = append(funcs, func(z complex128) complex128 { return z * k })
	}
	for _, f := range funcs {
		fmt.Print(f(2+3i), " ")
	}
	fmt.Println()

	c1 := make(chan complex128)
	c2 := make(chan complex128, 1)
	c2 <- 9i
	select {
	case v := <-c1:
		fmt.Println("c1", v)
	case v, ok := <-c2:
		fmt.Println("c2", v, ok)
	}

	z := 2 + 2i
	defer fmt.Println("deferred with", z, total)
	z = 0
	fmt.Println(addAll(1, 2i, 3), addAll())
	total = addAll([]complex128{1i, 1i}...)
}
