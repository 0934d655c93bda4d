// go of builtins: `go close(ch)` runs in a new goroutine with the channel evaluated by the
// go statement itself (the variable is reassigned right after).
package main

import "fmt"

func main() {
	done := make(chan struct{})
	first := done
	go close(done)
	done = make(chan struct{})
	<-first
	_, ok := <-first
	fmt.Println("first closed:", !ok)
	select {
	case <-done:
		fmt.Println("second closed")
	default:
		fmt.Println("second open")
	}
	results := make(chan int, 3)
	for i := range 3 {
		c := make(chan struct{})
		go close(c)
		<-c
		results <- i
	}
	close(results)
	for r := range results {
		fmt.Print(r, " ")
	}
	fmt.Println()
}
