// len and cap of an array (or array pointer) operand containing a call or a receive are
// not constants: the call and the receive happen (spec, "Length and capacity").
package main

import "fmt"

var calls int

func f() [3]int   { calls++; return [3]int{1, 2, 3} }
func pf() *[4]int { calls++; return nil }

func main() {
	n := len(f())
	c := cap(pf())
	ch := make(chan [2]int, 1)
	ch <- [2]int{}
	m := len(<-ch)
	fmt.Println(n, c, m, calls, len(ch))
	const k = len([5]int{})
	var a [2][3]int
	var p *[7]byte
	fmt.Println(k, len(a[0]), len(p), cap(p), calls)
}
