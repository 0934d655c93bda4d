package main

import "fmt"

type Incr interface{ Inc() }
type Getter interface{ Get() int }

type C struct{ n int }

func (c *C) Inc()    { c.n++ }
func (c C) Get() int { return c.n }

type Both interface {
	Incr
	Getter
}

func main() {
	c := C{}
	var g Getter = c
	var b Both = &c
	b.Inc()
	b.Inc()
	fmt.Println(c.n, b.Get(), g.Get())
	_, ok := g.(Incr)
	fmt.Println(ok)
	var any1 any = &c
	_, ok = any1.(Both)
	fmt.Println(ok)
	_, ok = any(c).(Both)
	fmt.Println(ok)
	items := []Getter{C{1}, &C{2}, c}
	sum := 0
	for _, it := range items {
		if inc, ok := it.(Incr); ok {
			inc.Inc()
		}
		sum += it.Get()
	}
	fmt.Println(sum)
}
