// An old object acquires the only reference to a young one: the write barrier must
// remember it, or the young object is lost at the next minor collection.
package main

import (
	"fmt"
	"runtime"
)

type Box struct {
	Ptr  *Payload
	Ptrs [8]*Payload
	Next *Box
}

type Payload struct {
	A, B int
	S    string
}

func churn(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		p := &Payload{A: i}
		s += p.A & 1
	}
	return s
}

func main() {
	old := &Box{}
	runtime.GC() // old is now in the old generation
	runtime.GC()
	for round := 0; round < 50; round++ {
		// Only reference to a fresh object, stored in an old one.
		old.Ptr = &Payload{A: round, B: round * 2, S: fmt.Sprint("p", round)}
		old.Ptrs[round%8] = &Payload{A: -round}
		churn(20000) // several minor collections
		if old.Ptr.A != round || old.Ptr.B != round*2 || old.Ptr.S != fmt.Sprint("p", round) {
			fmt.Println("lost at round", round)
			return
		}
	}
	sum := 0
	for _, p := range old.Ptrs {
		sum += p.A
	}
	fmt.Println("ok", old.Ptr.S, sum)

	// A chain of old boxes, each getting a young payload, then collections.
	var chain *Box
	for i := 0; i < 1000; i++ {
		chain = &Box{Next: chain}
	}
	runtime.GC()
	i := 0
	for b := chain; b != nil; b = b.Next {
		b.Ptr = &Payload{A: i}
		i++
	}
	churn(100000)
	s := 0
	for b := chain; b != nil; b = b.Next {
		s += b.Ptr.A
	}
	fmt.Println("chain", s)
}
