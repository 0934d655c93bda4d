package main

import "fmt"

type Registry struct {
	counts map[string]int
}

func main() {
	var r Registry
	fmt.Println(r.counts["x"], len(r.counts))
	r.counts["x"]++
	fmt.Println("unreachable")
}
