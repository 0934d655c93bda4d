package main

import "fmt"

type IntList []int

func (l IntList) Sum() int {
	s := 0
	for _, v := range l {
		s += v
	}
	return s
}

func (l *IntList) Push(v int) { *l = append(*l, v) }

func (l IntList) Map(f func(int) int) IntList {
	out := make(IntList, len(l))
	for i, v := range l {
		out[i] = f(v)
	}
	return out
}

type StrSet map[string]bool

func (s StrSet) Add(k string) { s[k] = true }
func (s StrSet) Has(k string) bool { return s[k] }

func main() {
	var l IntList
	l.Push(1)
	l.Push(2)
	l.Push(3)
	fmt.Println(l, l.Sum(), len(l))
	sq := l.Map(func(x int) int { return x * x })
	fmt.Println(sq, sq.Sum())
	fmt.Printf("%T %v\n", sq, sq[1:])
	raw := []int(sq)
	fmt.Println(raw)
	s := StrSet{}
	s.Add("go")
	fmt.Println(s.Has("go"), s.Has("rust"), s)
}
