// gc's order of a value converted to an interface in a statement with calls (order.go's
// OCONVIFACE: an operand that convT takes by address is copied at its place among the
// calls when it is not addressable, or is a local gc keeps in registers; anything else is
// read after the calls). Each line prints an operand next to a call that changes it.
package main

import (
	"fmt"
	"strconv"
)

type S struct{ a, b int }
type S2 S
type W struct {
	in S
	c  int
}
type Big struct{ a, b, c, d, e int }
type P struct{ p *int }

var gs S

func param(st S) {
	fmt.Println("param", st, func() int { st.a = 10; return 0 }())
}

func ret() (any, int) {
	st := S{1, 2}
	return st, func() int { st.a = 10; return 0 }()
}

func ret2() (any, any, int) {
	n := 1
	b := true
	return n, b, func() int { n, b = 10, false; return 0 }()
}

func statements() {
	st := S{1, 2}
	var y any
	var z int
	y, z = st, func() int { st.a = 10; return 0 }()
	fmt.Println("assign", y, z)
	st = S{1, 2}
	var a, b any = st, func() int { st.a = 20; return 0 }()
	fmt.Println("var", a, b)
	fmt.Println(ret())
	fmt.Println(ret2())
	arr := [2]any{}
	st = S{1, 2}
	arr[0], arr[1] = st, func() int { st.a = 30; return 0 }()
	fmt.Println("assign elements", arr)
	n := 1
	var c, d any
	c, d = n, func() int { n = 40; return 0 }()
	fmt.Println("assign int", c, d)
}

type Cfg struct{ V any }

func parse(s string) (int, error) { fmt.Println("parse", s); return strconv.Atoi(s) }
func read() string                { fmt.Println("read"); return "7" }

// Closures (a captured variable is address-taken unless gc inlines every call of the
// literal), multi-value right sides (spread, never copied whole), keyed literals.
func closuresAndSpreads() {
	done := false
	var stop func() bool
	stop = func() bool { done = true; return true }
	fmt.Println("closure kept", done, stop())
	st := S{1, 2}
	f := func() int { st.a = 10; return 0 }
	fmt.Println("closure inlined", st, f())
	g := func() int { st.a = 20; return 0 }
	h := g
	fmt.Println("through a chain", st, h())
	var cfg Cfg
	var err error
	cfg.V, err = parse(read())
	fmt.Println("two results", cfg.V, err)
	ch := make(chan any, 1)
	ch <- S{3, 4}
	s := make([]any, 2)
	var ok bool
	s[1], ok = <-ch
	fmt.Println("comma-ok", s, ok)
	x := S{5, 6}
	fmt.Println("keyed", S{a: x.a, b: func() int { x.a = 50; return 0 }()}, x)
	y := S{7, 8}
	xs := []any{0: y, 1: func() int { y.a = 70; return 0 }()}
	fmt.Println("indexed", xs)
	type T struct{ A, B any }
	fmt.Println("keyed any", T{A: y, B: func() int { y.a = 80; return 0 }()})
	fm := map[string]func(){"a": func() {}}
	fmt.Println("func element", fm["a"] == nil, func() int { delete(fm, "a"); return 0 }())
	a := []int{1, 2, 3}
	i := 0
	get := func() (int, bool) { i = 2; return 9, true }
	a[i], ok = get()
	fmt.Println("index after call", a, ok)
}

// A closure a defer keeps (gc never inlines a deferred call) against literals gc inlines
// away, one through another, one making calls.
func deferredAndNested() {
	x := S{1, 2}
	defer func() { _ = x }()
	fmt.Println("deferred closure", x, func() int { x.a = 9; return 0 }())
	y := S{1, 2}
	f := func() { y.a = 5 }
	g := func() { f() }
	g()
	fmt.Println("nested literals", y, func() int { y.a = 6; return 0 }())
	z := S{1, 2}
	h := func() int { z.a = 7; fmt.Sprint(1); fmt.Sprint(2); return 0 }
	fmt.Println("literal with calls", z, h())
}

// A literal gc does not inline captures by reference only a variable written in it or
// after it: one that runs after the last write reads a copy.
func capturesAfterWrites() {
	st := S{1, 0}
	chg := func() int { st.b += 7; return 7 }
	fmt.Println("read-only after", st, chg(), st)
	func() {
		defer func() {}()
		_ = st.b + 0
	}()
	s2 := S{1, 0}
	chg2 := func() int { s2.b += 7; return 7 }
	fmt.Println("writes", s2, chg2(), s2)
	func() {
		defer func() {}()
		s2.b = 3
	}()
	s3 := S{1, 0}
	s3 = S{2, 0}
	chg3 := func() int { s3.b += 7; return 7 }
	fmt.Println("reassigned before", s3, chg3(), s3)
	func() {
		defer func() {}()
		_ = s3.b
	}()
}

func main() {
	statements()
	capturesAfterWrites()
	closuresAndSpreads()
	deferredAndNested()
	st := S{1, 2}
	f := func() int { st.a = 10; return 0 }
	fmt.Println("small struct", st, f())
	arr := [3]int{1, 2, 3}
	fmt.Println("array of 3", arr, func() int { arr[0] = 10; return 0 }())
	bg := Big{1, 2, 3, 4, 5}
	fmt.Println("5 fields", bg, func() int { bg.a = 10; return 0 }())
	gs = S{1, 2}
	fmt.Println("global", gs, func() int { gs.a = 10; return 0 }())
	p := &S{1, 2}
	fmt.Println("deref", *p, func() int { p.a = 10; return 0 }())
	x := 1
	fmt.Println("int", x, x+1, func() int { x = 10; return 0 }())
	st2 := S{1, 2}
	pp := &st2
	fmt.Println("address taken", st2, func() int { pp.a = 10; return 0 }())
	one := [1]int{1}
	fmt.Println("[1]int", one, func() int { one[0] = 10; return 0 }())
	b := true
	fmt.Println("bool", b, !b, b == true, func() int { b = false; return 0 }())
	var u8 uint8 = 1
	var i16 int16 = 1
	f32 := float32(1)
	r := 'a'
	fmt.Println("narrow", u8, i16, f32, r, func() int { u8, i16, f32, r = 9, 9, 9, 'b'; return 0 }())
	c := complex(1, 2)
	fmt.Println("complex", c, -c, func() int { c = 9; return 0 }())
	param(S{1, 2})
	s := []S{{1, 2}}
	fmt.Println("slice element", s[0], func() int { s[0].a = 10; return 0 }())
	m := map[int]S{0: {1, 2}}
	fmt.Println("map element", m[0], func() int { m[0] = S{10, 2}; return 0 }())
	w := W{S{1, 2}, 3}
	fmt.Println("field of small", w.in, func() int { w.in.a = 10; return 0 }())
	t := struct {
		in S
		x  [3]int
	}{S{1, 2}, [3]int{}}
	fmt.Println("field of large", t.in, func() int { t.in.a = 10; return 0 }())
	a2 := [2]S{{1, 2}}
	fmt.Println("element of [2]S", a2[0], func() int { a2[0].a = 10; return 0 }())
	o1 := [1]S{{1, 2}}
	fmt.Println("element of [1]S", o1[0], o1, func() int { o1[0].a = 10; return 0 }())
	fmt.Println("literal", S{s[0].a, 0}, S2(st), func() int { s[0].a = 20; st.b = 20; return 0 }())
	var y any = st
	fmt.Println("any(st)", y, any(st), func() int { st.a = 30; return 0 }())
	xs := []any{st, func() int { st.a = 40; return 0 }(), st}
	fmt.Println("[]any", xs)
	ys := append([]any(nil), st, func() int { st.a = 50; return 0 }())
	fmt.Println("append", ys)
	fmt.Printf("method %v %v\n", st, func() int { st.a = 60; return 0 }())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var e []int
		fmt.Println(S{e[0], 1}, func() int { fmt.Println("not run"); return 0 }())
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var e []S
		fmt.Println(e[0], func() int { fmt.Println("run first"); return 0 }())
	}()
	str := "ab"
	fmt.Println("string byte", str[0], str, func() int { str = "zz"; return 0 }())
	ss := struct{ s string }{"a"}
	fmt.Println("sole string", ss, func() int { ss.s = "b"; return 0 }())
	n1, n2 := 1, 2
	q := &n1
	fmt.Println("pointer", q == &n1, func() int { q = &n2; return 0 }(), q == &n2)
	sp := P{&n1}
	fmt.Println("pointer struct", sp.p == &n1, sp.p == &n2, func() int { sp.p = &n2; return 0 }())
	mp := map[int]int{1: 1}
	fmt.Println("map", mp, func() int { mp = nil; return 0 }())
	sl := []int{1}
	fmt.Println("slice", sl, func() int { sl = nil; return 0 }())
	var e error
	fmt.Println("interface", e, func() int { e = fmt.Errorf("set"); return 0 }())
	ch := make(chan int)
	fmt.Println("chan", ch != nil, func() int { ch = nil; return 0 }())
}
