// Generic containers under garbage collection: instantiations holding pointers, strings,
// slices and interfaces survive collections with correct pointer maps.
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

type Node[T any] struct {
	Val  T
	Next *Node[T]
}

type Queue[T any] struct {
	head, tail *Node[T]
	n          int
}

func (q *Queue[T]) Put(v T) {
	n := &Node[T]{Val: v}
	if q.tail == nil {
		q.head = n
	} else {
		q.tail.Next = n
	}
	q.tail = n
	q.n++
}

func (q *Queue[T]) Get() T {
	n := q.head
	q.head = n.Next
	if q.head == nil {
		q.tail = nil
	}
	q.n--
	return n.Val
}

type Entry[K comparable, V any] struct {
	K K
	V []V
}

func main() {
	var qs Queue[string]
	var qi Queue[any]
	var qe Queue[Entry[string, *int]]
	for i := range 20000 {
		qs.Put(strconv.Itoa(i))
		qi.Put([]int{i})
		x := i
		qe.Put(Entry[string, *int]{strconv.Itoa(i), []*int{&x, nil}})
		if i%3 == 0 {
			qs.Get()
			qi.Get()
			qe.Get()
		}
		if i%5000 == 0 {
			runtime.GC()
		}
	}
	runtime.GC()
	fmt.Println(qs.n, qi.n, qe.n)
	fmt.Println(qs.Get(), qi.Get(), *qe.Get().V[0])
	sum := 0
	for qe.n > 0 {
		e := qe.Get()
		sum += *e.V[0]
	}
	fmt.Println(sum)
}
