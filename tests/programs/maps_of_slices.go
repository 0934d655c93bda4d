package main

import "fmt"

func main() {
	groups := map[string][]string{}
	words := []string{"apple", "avocado", "banana", "blueberry", "cherry", "apricot"}
	for _, w := range words {
		k := w[:1]
		groups[k] = append(groups[k], w)
	}
	fmt.Println(groups)
	fmt.Println(len(groups["a"]), len(groups["z"]))
	s := groups["b"]
	s[0] = "BANANA"
	fmt.Println(groups["b"])
	counts := map[int]map[string]int{}
	for _, w := range words {
		if counts[len(w)] == nil {
			counts[len(w)] = map[string]int{}
		}
		counts[len(w)][w[:1]]++
	}
	fmt.Println(counts)
}
