// Binary expressions are read flat and grouped by precedence (crates/syntax/src/actions.rs
// binary_chain): every level against the others, left association, unary operands.

package main

import "fmt"

func main() {
	a, b, c, d := 7, 3, 5, 2
	fmt.Println(a+b*c-d, a-b-c-d, a/b/d, a-b+c*d<<1, a|b&c^d, a&^b|c, -a*-b, a<<b>>d)
	fmt.Println(a < b || c > d && a == 7, !(a < b) && b != 3 || d >= 2, a+b == c+d+3)
	x := []int{1, 2, 3}
	fmt.Println(x[0]+x[1]*x[2], len(x)*2-1, a%b*c, a*b%c, ^a+b, a^b*c)
	var p *int = &a
	fmt.Println(*p**p, *p*b+c, a-*p)
	f := 1.5
	fmt.Println(f*2+1/f-f/2*3, 1+2*3-4/2%3)
	ch := make(chan int, 1)
	ch <- a + b*c
	fmt.Println(<-ch*2 + 1)
	s := "x" + "y" + fmt.Sprint(a+b)
	fmt.Println(s, s == "xy10" && true || false)
	const k = 1 << 3 * 2 + 1
	fmt.Println(k, k > 16 == true)
}
