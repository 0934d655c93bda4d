// Initialization order observed through side effects, as gc orders it.
package main

import "fmt"

var order []string

func note(s string) int { order = append(order, s); return len(order) }

var (
	m1 = note("m1") + m3
	m2 = note("m2")
	m3 = note("m3") + m2
)

var t1, t2 = two()

func two() (int, int) { return note("two") + m4, 0 }

var m4 = note("m4")

var arr = [2]int{note("arr0"), note("arr1") + last}
var last = note("last")

var fn = func() int { return note("fn") + viaMethod }()

type S struct{}

func (S) get() int { return note("get") + lastVar }

var viaMethod = S{}.get()
var lastVar = note("lastVar")

func init() { note("init") }

func main() {
	fmt.Println(order)
	fmt.Println(m1, m2, m3, t1, t2, m4, arr, last, fn, viaMethod, lastVar)
}
