package main

import "fmt"

// break and continue in the body of a range-over-func loop, and in the switch, select and
// ordinary loops inside it (which they target instead).

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  iterator done at n =", n)
		for i := range n {
			if !yield(i) {
				fmt.Println("  yield returned false at", i)
				return
			}
		}
	}
}

func main() {
	for x := range count(10) {
		if x%2 == 1 {
			continue
		}
		if x == 6 {
			break
		}
		fmt.Println("even", x)
	}

	// break inside a switch ends the switch, continue inside it goes to the next value.
	for x := range count(5) {
		switch {
		case x == 1:
			continue
		case x == 3:
			break
		default:
			fmt.Println("default", x)
		}
		fmt.Println("after switch", x)
	}

	// break inside select ends the select.
	ch := make(chan int, 1)
	for x := range count(3) {
		ch <- x
		select {
		case v := <-ch:
			if v == 1 {
				break
			}
			fmt.Println("received", v)
		}
	}

	// An ordinary loop inside the body: its break and continue are its own.
	for x := range count(3) {
		for j := 0; j < 5; j++ {
			if j == 1 {
				continue
			}
			if j == 3 {
				break
			}
			fmt.Println("inner", x, j)
		}
	}

	// Ordinary range loops inside, over slices and maps.
	for x := range count(2) {
		for i, s := range []string{"a", "b", "c"} {
			if i == 2 {
				break
			}
			fmt.Println(x, s)
		}
	}

	// The loop body can be empty, and the iterator may stop by itself.
	for range count(3) {
	}
	fmt.Println("end")
}
