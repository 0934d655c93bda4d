// slices.All, Values and Backward return iterator funcs (iter.Seq2 / iter.Seq): calling
// one with a yield function visits the elements in order (Backward: last first) and stops
// as soon as yield returns false. The program calls them directly, as a range-over-func
// loop would.
package main

import (
	"fmt"
	"iter"
	"slices"
)

func printPairs(name string, seq iter.Seq2[int, string], limit int) {
	n := 0
	fmt.Print(name, ":")
	seq(func(i int, v string) bool {
		fmt.Printf(" %d=%s", i, v)
		n++
		return n < limit
	})
	fmt.Println()
}

func sum(seq iter.Seq[int]) int {
	total := 0
	seq(func(v int) bool {
		total += v
		return true
	})
	return total
}

func main() {
	s := []string{"a", "b", "c", "d"}
	printPairs("All", slices.All(s), 100)
	printPairs("All first 2", slices.All(s), 2)
	printPairs("Backward", slices.Backward(s), 100)
	printPairs("Backward first 3", slices.Backward(s), 3)
	printPairs("empty", slices.All([]string{}), 100)

	nums := []int{3, 1, 4, 1, 5, 9, 2, 6}
	fmt.Println(sum(slices.Values(nums)))
	fmt.Printf("%T %T\n", slices.Values(nums), slices.All(nums))

	// An iterator sees the slice when it runs, not when it was made.
	vals := slices.Values(nums)
	nums[0] = 100
	fmt.Println(sum(vals))

	// Stopping early: the first element greater than 4.
	found := -1
	slices.Values(nums[1:])(func(v int) bool {
		if v > 4 {
			found = v
			return false
		}
		return true
	})
	fmt.Println("found", found)

	// A Seq value passed around and combined with other functions.
	var seqs []iter.Seq[int]
	seqs = append(seqs, slices.Values([]int{1, 2}), slices.Values([]int{10, 20, 30}))
	total := 0
	for _, q := range seqs {
		total += sum(q)
	}
	fmt.Println("total", total)
}
