// Control flow whose jumps the compiler straightens: `if c { continue }` and
// `if c { break }` (a conditional jump over a jump, inverted), jumps to jumps (else-if
// chains, switch cases ending loops, goto), empty branches, unsigned and immediate
// comparisons inverted, and float conditions, which must not be inverted (NaN).
package main

import (
	"fmt"
	"math"
)

func main() {
	s := 0
	for i := 0; i < 20; i++ {
		if i%3 == 0 {
			continue
		}
		if i > 15 {
			break
		}
		s += i
	}
	fmt.Println(s)
	var u uint8 = 253
	n := 0
	for {
		u++
		if u < 3 {
			continue
		}
		if u >= 10 && u < 200 {
			break
		}
		n++
	}
	fmt.Println(u, n)
	vals := []float64{1, math.NaN(), 3, math.NaN(), -1}
	c := 0
	for _, v := range vals {
		if v < 2 {
			continue
		}
		c++ // NaN and 3 reach here
	}
	fmt.Println(c)
outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			switch {
			case j == i:
				continue outer
			case j > 2:
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	k := 0
loop:
	if k < 5 {
		k += 2
		goto loop
	}
	fmt.Println(k)
	for i := 0; i < 3; i++ {
		if i == 1 {
		} else if i == 2 {
			fmt.Println("two")
		} else {
			fmt.Println("zero")
		}
	}
	x := 7
	for x != 1 {
		if x%2 == 0 {
			x /= 2
		} else {
			x = 3*x + 1
		}
		fmt.Print(x, " ")
	}
	fmt.Println()
	b := true
	for i := 0; i < 3; i++ {
		if !b {
			continue
		}
		b = i != 1
		fmt.Print(i, b, " ")
	}
	fmt.Println()
}
