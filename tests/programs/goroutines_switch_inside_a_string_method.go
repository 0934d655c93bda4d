// A String method that fmt calls runs long enough for the scheduler's time slice to end
// and calls runtime.Gosched, with another goroutine runnable: the goroutine is not
// switched out inside Go code a native called (its output was lost), and goes on.
package main

import (
	"fmt"
	"runtime"
)

type S int

func (s S) String() string {
	n := 0
	for i := 0; i < 300000; i++ {
		n += i
	}
	runtime.Gosched()
	return fmt.Sprint("S", int(s), n > 0)
}

func main() {
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			runtime.Gosched()
		}
		done <- true
	}()
	fmt.Println("before", S(1), "after")
	<-done
	fmt.Println("end")
}
