package main

import (
	"fmt"
	"strings"
)

type Node struct {
	Val  int
	Next *Node
}

type List struct {
	head *Node
	size int
}

func (l *List) PushFront(v int) {
	l.head = &Node{v, l.head}
	l.size++
}

func (l *List) PushBack(v int) {
	n := &Node{Val: v}
	l.size++
	if l.head == nil {
		l.head = n
		return
	}
	cur := l.head
	for cur.Next != nil {
		cur = cur.Next
	}
	cur.Next = n
}

func (l *List) Reverse() {
	var prev *Node
	for cur := l.head; cur != nil; {
		next := cur.Next
		cur.Next = prev
		prev, cur = cur, next
	}
	l.head = prev
}

func (l *List) Remove(v int) bool {
	for pp := &l.head; *pp != nil; pp = &(*pp).Next {
		if (*pp).Val == v {
			*pp = (*pp).Next
			l.size--
			return true
		}
	}
	return false
}

func (l *List) String() string {
	parts := []string{}
	for n := l.head; n != nil; n = n.Next {
		parts = append(parts, fmt.Sprint(n.Val))
	}
	return "[" + strings.Join(parts, " -> ") + "]"
}

func main() {
	l := &List{}
	for i := 1; i <= 4; i++ {
		l.PushBack(i * 10)
	}
	l.PushFront(5)
	fmt.Println(l, l.size)
	l.Reverse()
	fmt.Println(l)
	fmt.Println(l.Remove(20), l.Remove(99), l.Remove(40))
	fmt.Println(l, l.size)
	empty := &List{}
	empty.Reverse()
	fmt.Println(empty)
}
