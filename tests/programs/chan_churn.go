// Many short-lived channels, each waited on once: their wait queues are made when a
// goroutine parks and swept once empty, while a goroutine stays parked on a long-lived
// channel, selects park on several, and timer channels keep reporting len 0.
package main

import (
	"fmt"
	"time"
)

func main() {
	long := make(chan int)
	done := make(chan bool)
	go func() {
		v := <-long // parked across every sweep below
		done <- v == 42
	}()

	sum := 0
	for i := 0; i < 3000; i++ {
		c := make(chan int)
		go func() { c <- i }()
		sum += <-c
	}
	fmt.Println("sum", sum)

	// Selects parked on two fresh channels at a time, one of them answered.
	picked := [2]int{}
	for i := 0; i < 500; i++ {
		a, b := make(chan int), make(chan int)
		go func() {
			if i%2 == 0 {
				a <- 1
			} else {
				b <- 2
			}
		}()
		select {
		case v := <-a:
			picked[0] += v
		case v := <-b:
			picked[1] += v
		}
	}
	fmt.Println("picked", picked)

	// Goroutines parked on channels that are closed only after many sweeps: their
	// entries survive the sweeps, and the close wakes each with ok false.
	closed := make([]chan int, 200)
	woken := make(chan bool)
	for i := range closed {
		closed[i] = make(chan int)
		go func() {
			_, ok := <-closed[i]
			woken <- ok
		}()
	}
	for i := 0; i < 300; i++ {
		c := make(chan int)
		go func() { c <- 1 }()
		<-c
	}
	for _, c := range closed {
		close(c)
	}
	n := 0
	for range closed {
		if !<-woken {
			n++
		}
	}
	fmt.Println("closed", n)

	// Timer channels report len and cap 0 however many channels came and went.
	t := time.NewTimer(time.Millisecond)
	for i := 0; i < 300; i++ {
		c := make(chan int)
		go func() { c <- 1 }()
		<-c
	}
	fmt.Println("timer len cap", len(t.C), cap(t.C))
	<-t.C
	fmt.Println("timer fired")
	ticks := 0
	for i := 0; i < 3; i++ {
		select {
		case <-time.After(time.Millisecond):
			ticks++
		case <-make(chan int):
		}
	}
	fmt.Println("ticks", ticks)

	long <- 42
	fmt.Println("long waiter", <-done)
}
