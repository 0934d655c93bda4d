package main

import "fmt"

func main() {
	total := 0
	nums := []int{1, 2, 3, 4}
	each := func(f func(int)) {
		for _, n := range nums {
			f(n)
		}
	}
	each(func(n int) { total += n })
	fmt.Println(total)
	nums = append(nums, 100)
	each(func(n int) { total += n })
	fmt.Println(total)
	s := "a"
	app := func() { s += "b" }
	app()
	app()
	fmt.Println(s)
	m := map[string]int{}
	record := func(k string) func() {
		return func() { m[k]++ }
	}
	r1, r2 := record("x"), record("y")
	r1()
	r1()
	r2()
	fmt.Println(m)
	arr := [3]int{}
	setter := func(i int) { arr[i] = i * 10 }
	setter(1)
	setter(2)
	fmt.Println(arr)
}
