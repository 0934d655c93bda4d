package main

import "fmt"

func main() {
	var nilch chan int
	ch := make(chan int, 1)
	for i := 0; i < 3; i++ {
		select {
		case v := <-nilch:
			fmt.Println("impossible", v)
		case ch <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("full at", i)
		}
	}
	select {
	case v, ok := <-ch:
		fmt.Println("recv", v, ok)
	default:
		fmt.Println("empty")
	}
	timeout := make(chan bool)
	go func() { timeout <- true }()
	select {
	case <-nilch:
	case t := <-timeout:
		fmt.Println("timeout", t)
	}
}
