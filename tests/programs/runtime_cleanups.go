// runtime.AddCleanup: cleanup(arg) runs on its own goroutine some time after ptr is
// unreachable; Stop cancels it; several cleanups may be attached to one object.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"time"
)

type resource struct {
	id  int
	mem []byte
}

func main() {
	results := make(chan string, 10)
	r1 := &resource{id: 1, mem: make([]byte, 1<<20)}
	r2 := &resource{id: 2, mem: make([]byte, 1<<20)}
	runtime.AddCleanup(r1, func(id int) { results <- fmt.Sprint("cleanup of ", id) }, r1.id)
	runtime.AddCleanup(r1, func(s string) { results <- s }, "second cleanup of 1")
	c2 := runtime.AddCleanup(r2, func(id int) { results <- fmt.Sprint("cleanup of ", id) }, r2.id)
	c2.Stop()
	fmt.Println("resources:", r1.id, r2.id)
	r1, r2 = nil, nil
	for i := 0; i < 3; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	var got []string
	for len(results) > 0 {
		got = append(got, <-results)
	}
	sort.Strings(got)
	fmt.Println(len(got), "cleanups ran:", got)

	defer func() { fmt.Println("recovered:", recover()) }()
	p := &resource{id: 3}
	runtime.AddCleanup(p, func(q *resource) {}, p)
}
