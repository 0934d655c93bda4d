package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) Inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

func main() {
	c := &Counter{n: map[string]int{}}
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				c.Inc(fmt.Sprint("k", (i+j)%3))
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.n)
	var once sync.Once
	for range 3 {
		once.Do(func() { fmt.Println("once") })
	}
}
