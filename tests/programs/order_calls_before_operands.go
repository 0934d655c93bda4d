// Evaluation order as gc implements it: in call arguments and composite literal
// elements, every call runs first (left to right) and the other operands are read after
// them, so a variable changed by a later call is seen changed. The spec leaves this order
// unspecified; gosub follows gc so programs print what they print under gc.
package main

import "fmt"

type P struct{ a int }

func add(a, b int) int { c := a + b; return c }

func sum(a, b int) int { return a + b } // inlined by gosub: same order

var trace []string

var gs = []int{1}

func grow() int { gs = append(gs, 5); return 0 }

func step(s string, v int) int {
	trace = append(trace, s)
	return v
}

func main() {
	x := 1
	f := func() int { x += 10; return x }
	fmt.Println(x, f())
	x = 1
	fmt.Println(x+1, f())
	x = 1
	fmt.Println(add(x, f()), x)
	x = 1
	fmt.Println(sum(x*2, f()))

	arr := []int{1, 2}
	g := func() int { arr[0] = 100; return 0 }
	fmt.Println(arr[0], g())
	arr[0] = 1
	fmt.Println(add(arr[0], g()))

	p := &P{1}
	h := func() int { p.a = 50; return 0 }
	fmt.Println(p.a, h())
	p.a = 1
	fmt.Println(P{p.a + h()}, *p)

	s := "a"
	k := func() string { s = "b"; return "!" }
	fmt.Println(s+k(), s)

	y := 1
	m := func() int { y = 7; return 0 }
	z := []int{y, m()}
	fmt.Println(z)
	y = 1
	mp := map[string]int{"y": y, "m": m()}
	fmt.Println(mp)

	var ifc any = 1
	n := func() int { ifc = 2; return 0 }
	fmt.Println(ifc, n())

	// Calls themselves stay in lexical order, also nested ones.
	fmt.Println(step("a", 1)+step("b", 2), add(step("c", 3), step("d", step("e", 4))), trace)

	// len and cap are read in order with the calls, not after them.
	fmt.Println(len(gs), grow(), len(gs), cap(gs) > 0)
	fmt.Println(sum(len(gs), grow()), add(len(trace), step("f", 0)))

	// The call runs before the index is read: arr[x] uses the x the call set (0), not the
	// out-of-range 5.
	defer func() { fmt.Println("recovered:", recover(), x) }()
	x = 5
	fmt.Println(arr[x], func() int { x = 0; return 0 }())
}
