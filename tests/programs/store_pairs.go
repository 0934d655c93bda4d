// Two element stores in a row (one fused dispatch): both happen in order, the second's
// operands are read after the first store (here the same element), and when the second
// index is out of range the first store has already been done.
package main

import "fmt"

func fill(s []int, i, j, x, y int) {
	s[i] = x
	s[j] = y
}

func main() {
	s := make([]int, 4)
	fill(s, 0, 3, 10, 13)
	fill(s, 1, 1, 7, 8)
	fmt.Println(s)
	var a [3]int
	t := a[:]
	fill(t, 2, 0, 5, 6)
	fmt.Println(a)
	defer func() {
		fmt.Println(recover(), s)
	}()
	fill(s, 2, 4, 99, 100)
}
