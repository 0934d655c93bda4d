// Generic types embedded in structs (promoted fields and methods), and generic structs
// that embed other generic and ordinary types.
package main

import (
	"fmt"
	"sync"
)

type Set[T comparable] struct{ m map[T]struct{} }

func (s *Set[T]) Add(v T) {
	if s.m == nil {
		s.m = map[T]struct{}{}
	}
	s.m[v] = struct{}{}
}
func (s *Set[T]) Has(v T) bool { _, ok := s.m[v]; return ok }
func (s Set[T]) Len() int      { return len(s.m) }

type Tagged struct {
	Set[string]
	Name string
}

type Locked[T any] struct {
	sync.Mutex
	val T
}

func (l *Locked[T]) Update(f func(T) T) {
	l.Lock()
	defer l.Unlock()
	l.val = f(l.val)
}

type Counted[T comparable] struct {
	*Set[T]
	adds int
}

func (c *Counted[T]) Add(v T) {
	c.adds++
	c.Set.Add(v)
}

func main() {
	var t Tagged
	t.Add("a")
	t.Add("b")
	t.Add("a")
	fmt.Println(t.Len(), t.Has("b"), t.Has("z"), t.Name == "")
	var l Locked[[]int]
	for i := range 3 {
		l.Update(func(s []int) []int { return append(s, i) })
	}
	fmt.Println(l.val)
	c := Counted[int]{Set: &Set[int]{}}
	c.Add(1)
	c.Add(1)
	c.Add(2)
	fmt.Println(c.adds, c.Len(), c.Has(2))
}
