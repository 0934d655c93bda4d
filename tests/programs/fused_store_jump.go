// Fused instructions from profiling nbody, spectralnorm and fannkuch (gosub_bytecode::fused):
// a float result stored into a field (F64Store), a float result compared by the next
// branch (F64JmpNot), a move before a back edge (MoveJmp) and two increments with the
// back edge (Inc2JmpLt). Each must mean exactly its instructions, NaNs, nil pointers and
// stores into old objects included.
package main

import (
	"fmt"
	"math"
	"runtime"
)

type body struct{ x, v, m float64 }

func newton(v float64) (float64, int) {
	if v <= 0 {
		return 0, 0
	}
	g, n := v, 0
	for {
		h := 0.5 * (g + v/g)
		n++
		if h >= g || n > 100 {
			return g, n
		}
		g = h
	}
}

func sqrt(v float64) float64 {
	if v <= 0 {
		return 0
	}
	g := v
	if g < 1 {
		g = 1
	}
	for {
		n := 0.5 * (g + v/g)
		if n >= g {
			return g
		}
		g = n
	}
}

func below(xs []float64, lim float64) (c int) {
	for _, x := range xs {
		y := x * 2
		if y < lim {
			c++
		}
	}
	return c
}

func push(a, b *body, dt float64) {
	d := a.x - b.x
	a.v -= d * b.m * dt
	b.v += d * a.m * dt
	a.x += dt * a.v
}

func reverse(s []int) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

func storeNil(p *body, a, b float64) (err any) {
	defer func() { err = recover() }()
	p.v = a - b
	return nil
}

func main() {
	for _, v := range []float64{2, 1e6, 0.25, math.Inf(1), math.NaN(), -1} {
		r, n := newton(v)
		fmt.Printf("sqrt(%v) ~ %.6g after %d steps\n", v, r, n)
	}
	for _, v := range []float64{2, 1e6, 0.25, 1e-300, 1e300} {
		fmt.Println(sqrt(v))
	}
	xs := []float64{-1, 0, 0.5, 3, math.NaN(), math.Inf(-1)}
	for _, lim := range []float64{0, 1, 7, math.NaN(), math.Inf(1)} {
		fmt.Println("below", lim, below(xs, lim))
	}
	a, b := &body{x: 1, m: 2}, &body{x: 4, m: 3}
	runtime.GC() // a and b old: stores into the old space
	for range 5 {
		push(a, b, 0.01)
	}
	fmt.Printf("%.9f %.9f %.9f %.9f\n", a.x, a.v, b.x, b.v)
	nan := &body{x: math.NaN()}
	push(nan, b, 1)
	fmt.Println(nan.v, nan.x, b.v)
	for n := range 6 {
		s := make([]int, n)
		for i := range s {
			s[i] = i * i
		}
		reverse(s)
		fmt.Println(s)
	}
	fmt.Println(storeNil(nil, 3, 1))
	p := new(body)
	fmt.Println(storeNil(p, 3, 1), p.v)
}
