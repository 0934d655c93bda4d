package main

import "fmt"

// goto out of range-over-func loop bodies (forward and backward), out of nested bodies to
// a label in an outer body, and goto within one body.

func count(name string, n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				fmt.Println("  ", name, "stopped at", i)
				return
			}
		}
	}
}

func forward() {
	for x := range count("fwd", 5) {
		if x == 2 {
			goto Done
		}
		fmt.Println("fwd", x)
	}
	fmt.Println("not printed")
Done:
	fmt.Println("done")
}

func backward() {
	tries := 0
Again:
	tries++
	for x := range count("back", 5) {
		if x == 1 && tries < 3 {
			goto Again
		}
		if x == 2 {
			break
		}
	}
	fmt.Println("tries", tries)
}

func nested() {
	for x := range count("outer", 3) {
		again := true
	Inner:
		fmt.Println("at Inner", x)
		for y := range count("mid", 3) {
			for z := range count("deep", 3) {
				if x == 0 && y == 1 && z == 1 && again {
					again = false
					goto Inner
				}
				if x == 1 && z == 2 {
					goto Out
				}
				fmt.Println(x, y, z)
			}
		}
	}
Out:
	fmt.Println("out")
}

func within() {
	for x := range count("within", 2) {
		n := 0
	L:
		n++
		if n < 3 {
			goto L
		}
		fmt.Println(x, n)
	}
}

// goto the label of a range-over-func loop from its own body starts the loop again.
func restart() {
	tries := 0
L:
	for x := range count("restart", 3) {
		if x == 1 && tries < 2 {
			tries++
			goto L
		}
		fmt.Println("restart", x, tries)
	}
}

func main() {
	forward()
	backward()
	nested()
	within()
	restart()
}
