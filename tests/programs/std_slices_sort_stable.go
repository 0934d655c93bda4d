// slices.SortStableFunc keeps equal elements in their original order (insertion-sorted
// blocks of 20 merged by SymMerge, as Go does); SortedStableFunc does the same for a
// sequence; IsSortedFunc checks the result.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type person struct {
	name string
	age  int
}

func main() {
	people := []person{
		{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dave", 25}, {"Eve", 35},
		{"Frank", 30}, {"Grace", 25}, {"Heidi", 35}, {"Ivan", 30}, {"Judy", 25},
	}
	byAge := func(a, b person) int { return cmp.Compare(a.age, b.age) }
	slices.SortStableFunc(people, byAge)
	fmt.Println(people)
	fmt.Println(slices.IsSortedFunc(people, byAge))

	// Sort by name length, then stably by age: equal ages keep the length order.
	slices.SortStableFunc(people, func(a, b person) int { return cmp.Compare(len(a.name), len(b.name)) })
	fmt.Println(people)
	slices.SortStableFunc(people, byAge)
	fmt.Println(people)

	// Many elements, few keys: every key's ids must stay increasing.
	type kv struct{ k, id int }
	x := uint32(12345)
	big := make([]kv, 1500)
	for i := range big {
		x = x*1103515245 + 12345
		big[i] = kv{int(x>>16) % 9, i}
	}
	slices.SortStableFunc(big, func(a, b kv) int { return a.k - b.k })
	stable := true
	for i := 1; i < len(big); i++ {
		if big[i].k == big[i-1].k && big[i].id < big[i-1].id {
			stable = false
		}
	}
	fmt.Println("stable:", stable, big[:5], big[len(big)-3:])

	words := strings.Fields("banana Apple cherry apple Banana date Cherry fig")
	seq := func(yield func(string) bool) {
		for _, w := range words {
			if !yield(w) {
				return
			}
		}
	}
	fold := func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }
	fmt.Println(slices.SortedStableFunc(seq, fold))
	fmt.Println(slices.SortedFunc(seq, strings.Compare))
	fmt.Println(slices.IsSortedFunc(words, strings.Compare), slices.IsSortedFunc([]string{}, strings.Compare))
}
