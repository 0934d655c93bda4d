package main

import "fmt"

func producer(n int, out chan<- int) {
	for i := 0; i < n; i++ {
		out <- i * i
	}
	close(out)
}

func main() {
	ch := make(chan int, 3)
	go producer(7, ch)
	sum := 0
	for v := range ch {
		sum += v
	}
	fmt.Println("sum", sum, len(ch), cap(ch))
	v, ok := <-ch
	fmt.Println(v, ok)
	done := make(chan struct{})
	results := make(chan string)
	go func() {
		for _, w := range []string{"a", "b", "c"} {
			results <- w
		}
		close(done)
	}()
	for {
		select {
		case r := <-results:
			fmt.Println("got", r)
		case <-done:
			fmt.Println("done")
			return
		}
	}
}
