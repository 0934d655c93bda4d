package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{0, 1, 999, 1500, time.Millisecond, 1500 * time.Millisecond,
		90 * time.Second, time.Hour + 2*time.Minute + 3*time.Second + 500*time.Millisecond,
		-2 * time.Second, 100 * time.Microsecond}
	for _, d := range ds {
		fmt.Println(d, int64(d))
	}
	fmt.Printf("%v %s %d %.1f\n", 2*time.Second, time.Minute, time.Millisecond, (3 * time.Second).Seconds())
	start := time.Now()
	done := make(chan string)
	go func() {
		time.Sleep(20 * time.Millisecond)
		done <- "slow"
	}()
	go func() {
		time.Sleep(5 * time.Millisecond)
		done <- "fast"
	}()
	fmt.Println(<-done, <-done)
	elapsed := time.Since(start)
	fmt.Println(elapsed >= 20*time.Millisecond, elapsed < 5*time.Second)
}
