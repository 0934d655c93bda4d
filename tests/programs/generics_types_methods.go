// Generic types with methods: value and pointer receivers, a receiver that renames the
// type parameter, a blank receiver type parameter, and several instantiations.
package main

import "fmt"

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(vs ...T) { s.items = append(s.items, vs...) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s Stack[E]) Peek() E { return s.items[len(s.items)-1] }

func (s *Stack[_]) Len() int { return len(s.items) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=>%v", p.Key, p.Val) }

func (p Pair[K, V]) Swap() Pair[string, K] { return Pair[string, K]{fmt.Sprint(p.Val), p.Key} }

func main() {
	var s Stack[int]
	s.Push(1, 2, 3)
	fmt.Println(s.Peek(), s.Len())
	for {
		v, ok := s.Pop()
		if !ok {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println(s.Len())
	ss := &Stack[string]{}
	ss.Push("x")
	fmt.Println(ss.Peek(), ss.Len())
	p := Pair[string, []int]{"k", []int{1, 2}}
	fmt.Println(p, p.String())
	q := Pair[int, bool]{7, true}.Swap()
	fmt.Printf("%v %T\n", q, q)
	var st fmt.Stringer = Pair[rune, float64]{'a', 0.5}
	fmt.Println(st)
}
