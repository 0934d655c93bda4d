// Timers in the scheduler: AfterFunc calls run in deadline order whatever order they were
// made in, a Ticker ticks then stops, Timer.Stop and Reset report what Go 1.23 reports
// (and leave no stale value in C), select with a time.After timeout, Sleep ordering.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var order []string
	var wg sync.WaitGroup
	for _, c := range []struct {
		name string
		d    time.Duration
	}{{"c", 30}, {"a", 10}, {"b", 20}} {
		wg.Add(1)
		time.AfterFunc(c.d*time.Millisecond, func() {
			mu.Lock()
			order = append(order, c.name)
			mu.Unlock()
			wg.Done()
		})
	}
	wg.Wait()
	fmt.Println(order)

	tk := time.NewTicker(2 * time.Millisecond)
	for i := 0; i < 3; i++ {
		<-tk.C
		fmt.Println("tick", i)
	}
	tk.Stop()
	tk.Reset(time.Millisecond)
	<-tk.C
	tk.Stop()
	fmt.Println("ticker done", len(tk.C), cap(tk.C))

	t := time.NewTimer(time.Hour)
	fmt.Println(t.Stop(), t.Stop(), len(t.C), cap(t.C))
	fmt.Println(t.Reset(time.Millisecond))
	time.Sleep(10 * time.Millisecond)
	fmt.Println("expired, unreceived:", t.Stop())
	select {
	case <-t.C:
		fmt.Println("stale value")
	default:
		fmt.Println("no stale value")
	}
	t.Reset(time.Millisecond)
	<-t.C
	fmt.Println("received:", t.Stop(), t.Reset(time.Hour), t.Stop())

	ran := make(chan string)
	f := time.AfterFunc(time.Hour, func() { ran <- "f ran" })
	fmt.Println(f.Stop(), f.Stop())
	fmt.Println(f.Reset(time.Millisecond))
	fmt.Println(<-ran, f.Stop(), f.Reset(time.Millisecond))
	fmt.Println(<-ran)

	select {
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timeout")
	case <-make(chan int):
		fmt.Println("impossible")
	}
	res := make(chan int)
	go func() { time.Sleep(time.Millisecond); res <- 1 }()
	select {
	case v := <-res:
		fmt.Println("result", v)
	case <-time.After(time.Hour):
		fmt.Println("timeout")
	}
	done := make(chan string, 3)
	for i, d := range []time.Duration{90, 30, 60} {
		go func() { time.Sleep(d * time.Millisecond); done <- fmt.Sprint("sleeper ", i) }()
	}
	for i := 0; i < 3; i++ {
		fmt.Println(<-done)
	}
	fmt.Println(time.Tick(0) == nil, time.Tick(-1) == nil, time.Since(time.Now()) < time.Minute)
	var zt time.Timer
	defer func() { fmt.Println(recover()) }()
	zt.Stop()
}
