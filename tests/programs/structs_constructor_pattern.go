package main

import "fmt"

type Counter struct {
	name  string
	count int
	hist  []int
}

func NewCounter(name string) *Counter {
	return &Counter{name: name}
}

func (c *Counter) Inc() *Counter {
	c.count++
	c.hist = append(c.hist, c.count)
	return c
}

func (c Counter) String() string {
	return fmt.Sprintf("%s=%d %v", c.name, c.count, c.hist)
}

func main() {
	c := NewCounter("clicks")
	c.Inc().Inc().Inc()
	fmt.Println(c)
	fmt.Println(*c)
	v := *c
	v.Inc()
	fmt.Println(c.count, v.count)
	fmt.Println(c.hist, v.hist)
}
