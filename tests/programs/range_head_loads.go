// The element load at a range loop's head runs with the loop's back edge (one dispatch,
// fused.rs `IncLoadJmpLt`): sums over slices on the stack, in the nursery while it moves,
// in the old space, a slice that shrinks under a counted loop until the load faults, and
// goroutines preempted inside such loops.
package main

import (
	"fmt"
	"runtime"
)

var sink []byte

type node struct {
	next *node
	val  int
}

func sum(s []int) int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func sumf(s []float64) float64 {
	acc := 0.0
	for j, v := range s {
		acc += float64(j) * v
	}
	return acc
}

// Allocates in the body, so the nursery collects (and moves `s`) while the loop runs.
func sumWhileAllocating(s []int) (int, *node) {
	t := 0
	var l *node
	for i, v := range s {
		t += v
		l = &node{l, i}
		sink = make([]byte, 1024)
	}
	return t, l
}

func counted(s []int, n int) (t int) {
	defer func() {
		fmt.Println("recovered:", recover(), "t =", t)
	}()
	for i := 0; i < n; i++ {
		v := s[i]
		t += v
		if i == 2 {
			s = s[:3]
		}
	}
	return t
}

func main() {
	var arr [10]int
	for i := range arr {
		arr[i] = i * i
	}
	fmt.Println(sum(arr[:]), sum(arr[3:7]), sum(nil), sum(arr[:0]))

	f := make([]float64, 100)
	for i := range f {
		f[i] = 1.0 / float64(i+1)
	}
	fmt.Printf("%.6f\n", sumf(f))

	young := make([]int, 2000)
	for i := range young {
		young[i] = i % 7
	}
	t, l := sumWhileAllocating(young)
	n := 0
	for ; l != nil; l = l.next {
		n++
	}
	fmt.Println(t, n, sum(young))

	old := make([]int, 1<<16)
	for i := range old {
		old[i] = 3
	}
	runtime.GC()
	fmt.Println(sum(old))

	fmt.Println(counted([]int{1, 2, 3, 4, 5}, 5))
	fmt.Println(counted([]int{1, 2, 3, 4, 5}, 3))

	done := make(chan int)
	for g := 0; g < 3; g++ {
		go func() {
			s := make([]int, 300000)
			for i := range s {
				s[i] = g
			}
			done <- sum(s)
		}()
	}
	total := 0
	for g := 0; g < 3; g++ {
		total += <-done
	}
	fmt.Println(total)
}
