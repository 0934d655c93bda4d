package main

import "fmt"

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func describe(prefix string, vals ...any) string {
	return fmt.Sprint(prefix, len(vals), vals, vals == nil)
}

func mutate(xs ...int) {
	if len(xs) > 0 {
		xs[0] = -1
	}
}

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	s := []int{4, 5, 6}
	fmt.Println(sum(s...))
	fmt.Println(describe("none"))
	fmt.Println(describe("two", 1, "x"))
	args := []any{true, nil}
	fmt.Println(describe("spread", args...))
	mutate(s...)
	fmt.Println(s)
	mutate(7, 8)
	fmt.Println(sum(s[1:]...))
	fmt.Printf("%T\n", sum)
}
