package main

import (
	"fmt"
	"sort"
)

func main() {
	stock := map[string]int{"apple": 5, "pear": 3, "plum": 12, "fig": 0}
	total, maxV, maxK := 0, -1, ""
	for k, v := range stock {
		total += v
		if v > maxV || (v == maxV && k < maxK) {
			maxV, maxK = v, k
		}
	}
	fmt.Println(total, maxK, maxV)
	keys := []string{}
	for k := range stock {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys)
	for _, k := range keys {
		fmt.Printf("%-6s%3d\n", k, stock[k])
	}
	inverse := map[int]string{}
	for k, v := range stock {
		inverse[v] = k
	}
	fmt.Println(inverse)
}
