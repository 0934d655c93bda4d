// runtime.SetFinalizer: a finalizer runs once, on its own goroutine, after the object is
// found unreachable; the object is kept for one more cycle; SetFinalizer(p, nil) removes
// it; objects reachable only from a finalizable object stay alive until it is finalized.
package main

import (
	"fmt"
	"runtime"
	"time"
)

type file struct {
	name string
	buf  *[1 << 10]byte
}

var finalized = make(chan string, 10)

func open(name string) *file {
	f := &file{name: name, buf: new([1 << 10]byte)}
	f.buf[0] = name[0]
	runtime.SetFinalizer(f, func(f *file) {
		finalized <- fmt.Sprintf("%s (buf[0]=%c)", f.name, f.buf[0])
	})
	return f
}

func wait() {
	for i := 0; i < 3; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
}

func main() {
	a := open("a")
	b := open("b")
	c := open("c")
	runtime.SetFinalizer(c, nil)
	fmt.Println("open:", a.name, b.name, c.name)
	a, c = nil, nil
	wait()
	fmt.Println("finalized:", <-finalized)
	select {
	case s := <-finalized:
		fmt.Println("unexpected:", s)
	default:
		fmt.Println("only one finalizer ran")
	}
	runtime.KeepAlive(b)
	b = nil
	wait()
	fmt.Println("finalized:", <-finalized)

	// Resurrection: the finalizer stores its object; the object stays usable.
	var saved *file
	done := make(chan bool)
	func() {
		x := &file{name: "x", buf: new([1 << 10]byte)}
		runtime.SetFinalizer(x, func(f *file) { saved = f; done <- true })
	}()
	runtime.GC()
	<-done
	fmt.Println("resurrected:", saved.name, len(saved.buf))

	// A cycle of objects with finalizers is never collected: each keeps the other.
	type node struct {
		next *node
		name string
	}
	ran := make(chan string, 2)
	func() {
		x, y := &node{name: "x"}, &node{name: "y"}
		x.next, y.next = y, x
		runtime.SetFinalizer(x, func(n *node) { ran <- n.name })
		runtime.SetFinalizer(y, func(n *node) { ran <- n.name })
	}()
	wait()
	select {
	case s := <-ran:
		fmt.Println("finalizer of a cycle ran:", s)
	default:
		fmt.Println("a cycle with finalizers is not collected")
	}
}
