package main

import "fmt"

// Labelled break and continue out of nested range-over-func loops, out of an ordinary loop
// around them, and out of ordinary loops inside them.

func count(name string, n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				fmt.Println("  ", name, "stopped at", i)
				return
			}
		}
		fmt.Println("  ", name, "exhausted")
	}
}

func pairs() func(func(int, int) bool) {
	return func(yield func(int, int) bool) {
		for i := 0; i < 3; i++ {
			for j := 0; j < 3; j++ {
				if !yield(i, j) {
					return
				}
			}
		}
	}
}

func main() {
Outer:
	for x := range count("outer", 4) {
		for y := range count("inner", 4) {
			if y == 2 {
				continue Outer
			}
			if x == 2 {
				break Outer
			}
			fmt.Println("xy", x, y)
		}
	}
	fmt.Println("---")

	// Three levels: continue and break of the outermost from the innermost.
A:
	for a := range count("a", 3) {
	B:
		for b := range count("b", 3) {
			for c := range count("c", 3) {
				if c == 1 && b == 0 {
					continue B
				}
				if c == 1 && b == 1 {
					continue A
				}
				if a == 2 {
					break A
				}
				if b == 2 {
					break B
				}
				fmt.Println("abc", a, b, c)
			}
		}
	}
	fmt.Println("---")

	// An ordinary loop around range-over-func loops.
Loop:
	for i := 0; i < 3; i++ {
		for x := range count("in-for", 3) {
			for y := range count("deep", 3) {
				if i == 1 && y == 1 {
					continue Loop
				}
				if i == 2 && x == 1 {
					break Loop
				}
				fmt.Println("ixy", i, x, y)
			}
		}
	}
	fmt.Println("---")

	// Ordinary loops and switches inside, targeted by label from inside.
	for x := range count("outer2", 2) {
	Plain:
		for j := 0; j < 3; j++ {
		Sw:
			switch j {
			case 1:
				for y := range count("sw", 3) {
					if y == 1 {
						break Sw
					}
					if x == 1 {
						continue Plain
					}
					fmt.Println("sw", x, j, y)
				}
			default:
				fmt.Println("plain", x, j)
			}
		}
	}
	fmt.Println("---")

	// Two-value loops, labelled.
P:
	for i, j := range pairs() {
		if j > i {
			continue P
		}
		if i == 2 && j == 1 {
			break P
		}
		fmt.Println("pair", i, j)
	}
}
