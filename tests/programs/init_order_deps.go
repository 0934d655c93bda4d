// Package initialization order (spec): dependencies through functions, methods and
// multi-value initializers; then declaration order; init functions last.
package main

import "fmt"

var (
	a = c + b  // == 9
	b = f()    // == 4
	c = f()    // == 5
	d = 3      // == 5 after initialization has finished
)

func f() int {
	d++
	return d
}

var x = func() int { fmt.Println("x init"); return y * 2 }()
var y = g()

func g() int { fmt.Println("y init via g, z =", z); return z + 1 }

var z = h()

func h() int { fmt.Println("z init"); return 10 }

var p, q = pair()

func pair() (int, int) { fmt.Println("pair"); return r, r + 1 }

var r = 7

func init() { fmt.Println("init 1", a, b, c, d) }
func init() { fmt.Println("init 2", x, y, z, p, q) }

type T struct{}

func (T) m() int { return w }

var v = T{}.m()
var w = 42

var s1 = T.m(T{}) + 1

func main() { fmt.Println("main", v, s1) }
