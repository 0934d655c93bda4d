// make(map, hint) with hints Go's runtime ignores because no allocation could hold them
// (the map is made empty and grows as usual), and ordinary hints.
package main

import "fmt"

//go:noinline
func hint(n int) int { return n }

func main() {
	m := make(map[int]int, 1<<62)
	m[1] = 2
	fmt.Println(len(m), m)
	s := make(map[string][4]int, hint(1<<60))
	s["a"] = [4]int{1, 2, 3, 4}
	fmt.Println(len(s), s["a"])
	u := make(map[int64]bool, uint64(1)<<63-1)
	fmt.Println(len(u))
	small := make(map[int]string, 3)
	for i := range 10 {
		small[i] = fmt.Sprint(i * i)
	}
	fmt.Println(len(small), small[9])
	zero := make(map[int]int, 0)
	fmt.Println(len(zero), zero == nil)
}
