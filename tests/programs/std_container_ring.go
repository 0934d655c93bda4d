// container/ring: building, moving, linking and unlinking rings, a zero Ring, and Do.
package main

import (
	"container/ring"
	"fmt"
)

func show(r *ring.Ring) {
	fmt.Print(r.Len(), ":")
	r.Do(func(v any) { fmt.Print(" ", v) })
	fmt.Println()
}

func main() {
	r := ring.New(5)
	for i := 0; i < r.Len(); i++ {
		r.Value = i
		r = r.Next()
	}
	show(r)
	show(r.Move(2))
	show(r.Move(-1))
	show(r.Move(7))
	fmt.Println(r.Prev().Value, r.Next().Value)

	s := ring.New(2)
	s.Value, s.Next().Value = "a", "b"
	old := r.Link(s)
	show(r)
	fmt.Println(old.Value)

	removed := r.Unlink(3)
	show(r)
	show(removed)
	fmt.Println(r.Unlink(0), r.Unlink(r.Len()) == nil)
	show(r)

	var z ring.Ring // a one-element ring
	fmt.Println(z.Len(), z.Next() == &z, z.Prev() == &z, z.Move(3) == &z)
	var nilRing *ring.Ring
	fmt.Println(nilRing.Len(), ring.New(0), ring.New(-1))
	nilRing.Do(func(any) { fmt.Println("never") })

	// Self-link removes the elements between r and s.
	t := ring.New(4)
	for i := 0; i < 4; i++ {
		t.Value = i * 10
		t = t.Next()
	}
	sub := t.Link(t.Move(2))
	show(t)
	show(sub)
	sum := 0
	t.Link(sub)
	t.Do(func(v any) { sum += v.(int) })
	fmt.Println(sum, t.Len())
}
