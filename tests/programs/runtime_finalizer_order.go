// Finalizer order: when an object with a finalizer points to another one, only the outer
// one is finalized in a cycle (the inner one stays reachable from it); the inner one
// follows once the outer one is gone. A weak pointer to an object is cleared as soon as
// its finalizer is queued, even if the finalizer resurrects the object.
package main

import (
	"fmt"
	"runtime"
	"time"
	"weak"
)

type obj struct {
	name  string
	inner *obj
}

var order = make(chan string, 8)
var saved *obj

func settle() {
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
}

func drain() []string {
	var got []string
	for len(order) > 0 {
		got = append(got, <-order)
	}
	return got
}

func main() {
	func() {
		in := &obj{name: "inner"}
		out := &obj{name: "outer", inner: in}
		runtime.SetFinalizer(in, func(o *obj) { order <- o.name })
		runtime.SetFinalizer(out, func(o *obj) { order <- o.name + " (inner " + o.inner.name + ")" })
	}()
	settle()
	fmt.Println("first cycle:", drain())
	settle()
	fmt.Println("second cycle:", drain())
	settle()
	fmt.Println("third cycle:", drain())

	var w weak.Pointer[obj]
	func() {
		r := &obj{name: "phoenix"}
		w = weak.Make(r)
		runtime.SetFinalizer(r, func(o *obj) { saved = o; order <- "resurrected " + o.name })
	}()
	settle()
	fmt.Println(drain(), "weak pointer cleared:", w.Value() == nil, "object alive:", saved.name)
}
