package main

import (
	"errors"
	"fmt"
)

type Stack struct{ items []rune }

var ErrEmpty = errors.New("empty")

func (s *Stack) Push(v rune) { s.items = append(s.items, v) }

func (s *Stack) Pop() (rune, error) {
	var zero rune
	if len(s.items) == 0 {
		return zero, ErrEmpty
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}

type Queue struct{ items []string }

func (q *Queue) Enqueue(s string) { q.items = append(q.items, s) }
func (q *Queue) Dequeue() (string, bool) {
	if len(q.items) == 0 {
		return "", false
	}
	s := q.items[0]
	q.items = q.items[1:]
	return s, true
}

func balanced(s string) bool {
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	st := &Stack{}
	for _, r := range s {
		switch r {
		case '(', '[', '{':
			st.Push(r)
		case ')', ']', '}':
			top, err := st.Pop()
			if err != nil || top != pairs[r] {
				return false
			}
		}
	}
	return len(st.items) == 0
}

func main() {
	for _, s := range []string{"([]{})", "([)]", "((", "", "a(b)c"} {
		fmt.Printf("%q %v\n", s, balanced(s))
	}
	q := &Queue{}
	q.Enqueue("a")
	q.Enqueue("b")
	v, ok := q.Dequeue()
	fmt.Println(v, ok)
	q.Enqueue("c")
	for v, ok := q.Dequeue(); ok; v, ok = q.Dequeue() {
		fmt.Print(v, " ")
	}
	fmt.Println()
	_, err := (&Stack{}).Pop()
	fmt.Println(err)
}
