// bytes.Repeat with a negative count panics with Go's message; a recovered panic from
// Buffer.Grow shows the error value, before the unrecovered one ends the program.
package main

import (
	"bytes"
	"fmt"
)

func tryGrow(n int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	var b bytes.Buffer
	b.Grow(n)
	fmt.Println("grew to", b.Cap())
}

func main() {
	fmt.Printf("%s\n", bytes.Repeat([]byte("ab"), 3))
	tryGrow(100)
	tryGrow(-1)
	counts := []int{2, 1, -3}
	for _, n := range counts {
		fmt.Printf("%q\n", bytes.Repeat([]byte("x"), n))
	}
}
