// Receiving from a timer's channel whose deadline has passed finds its value at once, even
// in a select with a default and with no scheduling point since (Go 1.23 runs an expired
// timer when its channel is received from).
package main

import (
	"fmt"
	"time"
)

func main() {
	select {
	case <-time.After(0):
		fmt.Println("fired")
	default:
		fmt.Println("default")
	}
	t := time.NewTimer(-time.Second)
	select {
	case <-t.C:
		fmt.Println("fired")
	default:
		fmt.Println("default")
	}
	t2 := time.NewTimer(0)
	fmt.Println(t2.Stop())
	t3 := time.NewTimer(time.Millisecond)
	start := time.Now()
	for time.Since(start) < 2*time.Millisecond {
	}
	v, ok := <-t3.C
	fmt.Println(ok, !v.IsZero())
}
