// gc evaluates the calls of an assignment's right-hand side and of a return's values
// before the other operands (cmd/compile's order pass), so an index that panics, or a
// variable the call changes, shows it (found by the differential generator).
package main

import "fmt"

var g = 1

func setG() int {
	g = 10
	return 1
}

func called(tag string) int {
	fmt.Println("called", tag)
	return 1
}

func ret(s []int) int {
	return s[0] + called("in return")
}

func pair(p *[2]int) (int, int) {
	return p[0], bump(p)
}

func bump(p *[2]int) int {
	p[0] = 100
	return 2
}

func main() {
	var s []int
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		v := -s[0] &^ called("define")
		fmt.Println(v)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var v int
		v = s[len(s)] * called("assign")
		fmt.Println(v)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(ret(nil))
	}()
	// A map literal is evaluated at its place among the calls, entry by entry.
	m, sl := map[string]int{"a": called("map entry")}, []int{called("slice first"), called("slice second")}
	fmt.Println(m, sl)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var v int = s[0] + called("var declaration")
		fmt.Println(v)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		v := 1
		v += s[0] + called("op-assign")
		fmt.Println(v)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		// min's operands are read in order with the calls, after the calls among them.
		fmt.Println(s[max(0, min(s[0], len(s)-1))], called("after min"))
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(min(s[0], called("in min")))
	}()
	// The left side's calls come first.
	arr := make([]int, 3)
	idx := func() int { fmt.Println("index called"); return 1 }
	arr[idx()] = len(arr) + called("right side")
	fmt.Println(arr)
	// &map literals too are evaluated in order.
	n := 0
	next := func() int { n++; return n }
	fmt.Println(n, &map[string]int{"a": next()})
	c, pm := n, &map[string]int{"b": next()}
	fmt.Println(c, *pm)
	// && and || are evaluated whole at their place among the calls.
	flag := 1
	setFlag := func() bool { flag = 5; return true }
	fmt.Println(flag > 0 && setFlag(), called("after &&"), flag)
	// Evaluated in place among the calls, like calls: a type assertion to a value type,
	// a slice expression, a string converted to bytes; `x op= f()` reads x after f.
	var iv any = 1
	toString := func() int { iv = "s"; return 2 }
	fmt.Println(iv.(int) + toString())
	sl3 := []int{1, 2, 3}
	shrink := func() int { sl3 = sl3[:1]; return 10 }
	fmt.Println(append(sl3[1:], shrink()))
	str := "héllo"
	replace := func() int { str = "x"; return 0 }
	fmt.Println([]byte(str), replace(), len(str))
	y := 1
	setY := func() int { y = 10; return 1 }
	y += setY()
	fmt.Println("y", y)
	fmt.Println(n, &(map[string]int{"p": next()}), n)
	// The call inside a slice expression's bound, inside append's operands; a comma-ok
	// assertion; a slice-to-slice conversion read in place.
	sl4 := []int{1, 2, 3}
	grow := func() int { sl4 = []int{7, 8, 9, 10}; return 1 }
	fmt.Println(sl4[0 : 2+grow()])
	sl5 := []int{1}
	set := func() int { sl5[0] = 100; return 0 }
	sl5 = append(sl5, sl5[0]+set())
	fmt.Println(sl5)
	xs := []any{"s"}
	one := func() int { return 1 }
	av, aok := xs[:one()][0].(int)
	fmt.Println(av, aok)
	type B []byte
	bb := B("ab")
	setB := func() int { bb = B("zz"); return 0 }
	fmt.Println([]byte(bb), setB())
	x := g + setG()
	fmt.Println("x", x)
	a := [2]int{1, 0}
	fmt.Println(pair(&a))
	var p *struct{ f int }
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		y := p.f + called("nil deref")
		fmt.Println(y)
	}()
}
