// slices.go — how slices share backing arrays, how append grows them,
// copy, and full slice expressions s[lo:hi:max] to avoid surprises.
package main

import "fmt"

func main() {
	arr := [6]int{0, 1, 2, 3, 4, 5}
	s := arr[1:4]
	fmt.Println(s, len(s), cap(s))
	s[0] = 100 // writes through to arr
	fmt.Println(arr)

	s = append(s, 99) // still fits in arr: overwrites arr[4]!
	fmt.Println(arr)

	safe := arr[1:3:3] // cap limited: append must copy
	safe = append(safe, -1)
	fmt.Println(arr, safe)

	dup := make([]int, len(arr))
	n := copy(dup, arr[:])
	dup[0] = 42
	fmt.Println(n, dup, arr[0])

	var grow []string
	for _, w := range []string{"a", "b", "c", "d", "e"} {
		grow = append(grow, w)
	}
	fmt.Println(grow, len(grow))
}
