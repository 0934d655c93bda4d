// A closure capturing a variable: the closure and the variable it shares with its
// creator outlive counter(), so both live on the heap ("moved to heap: n",
// "func literal escapes to heap"). A closure that is only called locally does not escape.
package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func sumTo(k int) int {
	total := 0
	add := func(v int) { total += v } // called here only: stays in the frame
	for i := 1; i <= k; i++ {
		add(i)
	}
	return total
}

func main() {
	next := counter()
	next()
	next()
	fmt.Println("third call:", next())
	other := counter()
	fmt.Println("a new counter starts again:", other())
	fmt.Println("sumTo(10):", sumTo(10))
}
