// maps: map[int]int and map[string]int inserts, lookups, deletes and range.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	m := make(map[int]int)
	const n = 1000000
	for i := 0; i < n; i++ {
		m[i*7%1000003] = i
	}
	hits := 0
	for i := 0; i < 2*n; i++ {
		if _, ok := m[i]; ok {
			hits++
		}
	}
	for i := 0; i < n; i += 2 {
		delete(m, i)
	}
	sum := 0
	for k, v := range m {
		sum += k ^ v
	}
	words := make(map[string]int)
	for i := 0; i < n; i++ {
		words["w"+strconv.Itoa(i%5000)]++
	}
	fmt.Println(len(m), hits, sum, len(words), words["w42"])
}
