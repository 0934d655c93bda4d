// Slicing arrays: a length beyond 32 bits (zero-size elements), three-index forms,
// through a pointer, appending into the array, and the bounds panic.
package main

import "fmt"

func main() {
	var z [1 << 40]struct{}
	s := z[:]
	fmt.Println(len(s), cap(s))
	t := z[5:1<<39:1<<40-1]
	fmt.Println(len(t), cap(t))
	p := &z
	u := p[1<<35:]
	fmt.Println(len(u), cap(u))
	var a [5]int
	b := a[1:3]
	b = append(b, 9)
	fmt.Println(a, b, len(b), cap(b))
	defer func() { fmt.Println(recover()) }()
	i := 6
	_ = a[2:i]
}
