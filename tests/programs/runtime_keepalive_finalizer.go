// runtime.KeepAlive and finalizers: an object whose last use is behind us may be
// finalized while the function still runs; KeepAlive marks the point until which it
// must not be.
package main

import (
	"fmt"
	"runtime"
	"time"
)

type handle struct {
	fd   int
	name string // not a tiny object: Go may never finalize those (runtime.SetFinalizer)
}

var closed = make(chan int, 4)

func newHandle(fd int) *handle {
	h := &handle{fd: fd, name: "file"}
	runtime.SetFinalizer(h, func(h *handle) { closed <- h.fd })
	return h
}

func settle() {
	for i := 0; i < 3; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
}

func report(label string) {
	select {
	case fd := <-closed:
		fmt.Println(label, "finalized fd", fd)
	default:
		fmt.Println(label, "nothing finalized")
	}
}

func main() {
	h := newHandle(3)
	fd := h.fd
	settle()
	report("after the last use of h:")

	k := newHandle(4)
	fd += k.fd
	settle()
	report("k kept alive:")
	runtime.KeepAlive(k)
	settle()
	report("after KeepAlive(k):")
	fmt.Println("sum of fds:", fd)
}
