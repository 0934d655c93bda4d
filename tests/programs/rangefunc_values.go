package main

import "fmt"

// Iteration values of every shape (structs, strings, interfaces, arrays, pointers, funcs),
// loops in package-level initializers and init, goroutines that range over functions, and
// channels behind an iterator.

type Point struct {
	X, Y int
	Name string
}

func points(yield func(Point, [2]float64) bool) {
	for i := range 3 {
		p := Point{i, i * i, fmt.Sprint("p", i)}
		if !yield(p, [2]float64{float64(i) / 2, 1}) {
			return
		}
	}
}

func things(yield func(any, error) bool) {
	_ = yield(1, nil) && yield("two", fmt.Errorf("e%d", 2)) && yield(nil, nil) && yield(Point{}, nil)
}

func fromChan(ch <-chan string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for s := range ch {
			if !yield(s) {
				return
			}
		}
	}
}

var table = func() map[string]int {
	m := map[string]int{}
	for p, _ := range points {
		m[p.Name] = p.X + p.Y
	}
	return m
}()

var initOrder []string

func init() {
	for p := range points {
		initOrder = append(initOrder, p.Name)
	}
}

func main() {
	fmt.Println(table, initOrder)
	for p, f := range points {
		p.X += 10 // a copy
		fmt.Printf("%+v %v\n", p, f)
	}
	for v, err := range things {
		fmt.Printf("%v %T %v\n", v, v, err)
	}

	ptr := &Point{Name: "shared"}
	for q := range func(yield func(*Point) bool) { _ = yield(ptr) && yield(ptr) } {
		q.X++
	}
	fmt.Println(ptr.X)

	var ops []func(int) int
	for f := range func(yield func(func(int) int) bool) {
		_ = yield(func(x int) int { return x + 1 }) && yield(func(x int) int { return x * 2 })
	} {
		ops = append(ops, f)
	}
	fmt.Println(ops[1](ops[0](5)))

	// A goroutine produces, the main goroutine ranges over the channel through an iterator.
	ch := make(chan string)
	go func() {
		defer func() { close(ch) }()
		for _, s := range []string{"x", "y", "z"} {
			ch <- s
		}
	}()
	for s := range fromChan(ch) {
		fmt.Print(s)
	}
	fmt.Println()

	// Goroutines that range over functions themselves.
	done := make(chan int)
	for g := range 3 {
		go func() {
			sum := 0
			for p := range points {
				sum += p.X * g
			}
			done <- sum
		}()
	}
	total := 0
	for range 3 {
		total += <-done
	}
	fmt.Println("total", total)

	// Many iterations.
	n := 0
	for i := range func(yield func(int) bool) {
		for i := 0; i < 200000; i++ {
			if !yield(i) {
				return
			}
		}
	} {
		n += i & 1
	}
	fmt.Println(n)
}
