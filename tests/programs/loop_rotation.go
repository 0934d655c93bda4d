// Loops whose test moves to the bottom (rotated loops): zero and one iterations, bodies
// that change the index, the bound or the slice whose length is the bound, continue and
// labeled continue, break, per-iteration variables captured by closures, a global bound,
// conditions that are not rotated (calls), and the wrap-around of an index at MaxInt8.
package main

import "fmt"

var limit = 3

func count() int { limit--; return limit }

func main() {
	n := 0
	for i := 0; i < n; i++ {
		fmt.Println("never", i)
	}
	for i := 0; i < 1; i++ {
		fmt.Println("once", i)
	}
	for i := 0; i < 10; i++ {
		if i%4 == 0 {
			i += 2 // the body moves the index
			continue
		}
		fmt.Print(i, " ")
	}
	fmt.Println()
	m := 10
	for i := 0; i < m; i++ {
		m -= 2 // and the bound
		fmt.Print(i, ":", m, " ")
	}
	fmt.Println()
	s := []int{1}
	for i := 0; i < len(s); i++ {
		if len(s) < 5 {
			s = append(s, s[i]*2)
		}
	}
	fmt.Println(s)
	var fs []func() int
	for i := 0; i != 4; i++ {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	for i := 0; i < limit; i++ {
		fmt.Print("global ", i, " ")
	}
	fmt.Println()
	for i := 0; i < count(); i++ {
		fmt.Print("call ", i, " ")
	}
	fmt.Println(limit)
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j > i {
				continue outer
			}
			if i == 2 && j == 1 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	k := 0
	for i := int8(120); i > 0 && k < 20; i++ {
		k++
	}
	fmt.Println("wrapped after", k)
	for i := range 3 {
		fmt.Print(i)
	}
	for i := range 0 {
		fmt.Print("never", i)
	}
	var arr [4]string
	for i, v := range arr {
		arr[3] = "x" // the array was copied: v stays ""
		fmt.Printf("%d%q ", i, v)
	}
	fmt.Println()
	t := []int{5, 6, 7}
	for i, v := range t {
		t = t[:1] // the ranged-over slice was evaluated once
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	x, y := 1.5, 10.0
	for x < y {
		x *= 2
	}
	fmt.Println(x)
}
