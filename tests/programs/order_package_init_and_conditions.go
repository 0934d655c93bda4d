// gc's order for package-level initializers (each an assignment in the init function:
// its calls first) and for the conditions of if, switch and for and a send statement.
package main

import "fmt"

var g = 1

func setg() int { g = 2; return 2 }

var h = g + setg()

type S struct{ a, b int }

var st = S{1, 2}

func bump() int { st.a = 10; return 0 }

var boxed, zero any = st, bump()

var n = 5

func setn() int { n = 50; return 1 }

var pair, one = n * 2, setn()

func main() {
	fmt.Println("h:", h)
	fmt.Println("boxed:", boxed, zero, st)
	fmt.Println("pair:", pair, one)
	x := 1
	f := func() int { x = 2; return 2 }
	if x == f() {
		fmt.Println("if: equal")
	} else {
		fmt.Println("if: different")
	}
	x = 1
	switch x + f() {
	case 4:
		fmt.Println("switch: 4")
	default:
		fmt.Println("switch: other")
	}
	x = 1
	switch {
	case x == f():
		fmt.Println("case: equal")
	default:
		fmt.Println("case: different")
	}
	x = 1
	k := 0
	for x != f() {
		k++
		if k > 3 {
			break
		}
	}
	fmt.Println("for:", k)
	ch := make(chan int, 1)
	x = 1
	ch <- x + f()
	fmt.Println("send:", <-ch)
	x = 1
	m := map[int]int{}
	m[x] = f()
	fmt.Println("map assign:", m)
}
