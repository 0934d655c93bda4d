// recover works in a method deferred as `defer x.M()`: gc calls M through wrappers (a
// bound method thunk, an interface method thunk, an itab wrapper) that do not count as
// calls, so M is still called directly by the deferred call. A function the deferred
// function calls (through a method value or an interface too) cannot recover.
package main

import (
	"errors"
	"fmt"
)

type T struct{ name string }

func (t *T) Ptr()       { fmt.Println(t.name, "Ptr:", recover()) }
func (t T) Val()        { fmt.Println(t.name, "Val:", recover()) }
func (t *T) Arg(s string, n int) (r int) {
	fmt.Println(t.name, "Arg:", s, n, recover())
	return n
}

type Outer struct {
	*T
	inner T
}

type I interface{ Ptr() }

type G[E any] struct{ v E }

func (g *G[E]) M() { fmt.Println("G.M:", g.v, recover()) }

type catcher struct{ err error }

// handle is text/tabwriter's pattern: the deferred method stores the recovered error.
func (c *catcher) handle(err *error, op string) {
	if e := recover(); e != nil {
		*err = fmt.Errorf("%s: %v", op, e)
	}
}

func (c *catcher) do() (err error) {
	defer c.handle(&err, "do")
	panic(errors.New("boom"))
}

func main() {
	t := &T{"t"}
	func() { defer t.Ptr(); panic(1) }()
	func() { defer t.Val(); panic(2) }()
	func() { defer (*t).Val(); panic(3) }()
	func() { defer t.Arg("x", 4); panic(4) }()
	func() { f := t.Arg; defer f("y", 5); panic(5) }()
	func() { defer (*T).Ptr(t); panic(6) }()
	func() { defer T.Val(*t); panic(7) }()
	o := Outer{T: &T{"embedded"}, inner: T{"field"}}
	func() { defer o.Ptr(); panic(8) }()
	func() { defer o.Val(); panic(9) }()
	func() { defer o.inner.Ptr(); panic(10) }()
	var i I = t
	func() { defer i.Ptr(); panic(11) }()
	func() { defer I.Ptr(i); panic(12) }()
	var iv I = o
	func() { defer iv.Ptr(); panic(13) }()
	g := &G[string]{"generic"}
	func() { defer g.M(); panic(14) }()
	fmt.Println("handle:", (&catcher{}).do())

	// Not called directly by the deferred function: recover returns nil, the panic goes on.
	func() {
		defer func() { fmt.Println("outer:", recover()) }()
		func() {
			defer func() { t.Ptr() }()
			defer func() { m := t.Ptr; m() }()
			defer func() { i.Ptr() }()
			panic(15)
		}()
	}()
}
