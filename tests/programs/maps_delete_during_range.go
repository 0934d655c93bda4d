package main

import "fmt"

func main() {
	m := map[int]int{}
	for i := 0; i < 100; i++ {
		m[i] = i * i
	}
	for k := range m {
		if k%3 != 0 {
			delete(m, k)
		}
	}
	fmt.Println(len(m))
	sum := 0
	for k, v := range m {
		sum += k + v
	}
	fmt.Println(sum)
	var keys [100]bool
	for k := range m {
		keys[k] = true
	}
	n := 0
	for i, ok := range keys {
		if ok && i%3 != 0 {
			n++
		}
	}
	fmt.Println(n)
}
