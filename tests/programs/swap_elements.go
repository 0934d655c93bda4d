package main

import "fmt"

// Swaps of slice elements: `a[i], b[j] = b[j], a[i]` loads both, then stores both.
func reverse(s []byte) {
	for lo, hi := 0, len(s)-1; lo < hi; lo, hi = lo+1, hi-1 {
		s[lo], s[hi] = s[hi], s[lo]
	}
}

func swapAcross(a []float64, b []float64, i, j int) {
	a[i], b[j] = b[j], a[i]
}

func tryIt(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panicked:", r)
		}
	}()
	f()
}

func main() {
	s := []byte("hello, world")
	reverse(s)
	fmt.Println(string(s))

	a := []float64{1.5, 2.5, 3.5}
	b := []float64{10, 20}
	swapAcross(a, b, 0, 1)
	fmt.Println(a, b)

	// Same slice, same index: no change.
	n := []int8{-1, 2, -3}
	k := 1
	n[k], n[k] = n[k], n[k]
	fmt.Println(n)

	// Overlapping slices of one array.
	arr := [5]uint16{1, 2, 3, 4, 5}
	p, q := arr[:3], arr[2:]
	p[2], q[2] = q[2], p[2]
	fmt.Println(arr, p, q)

	// Constant indexes.
	m := []int{7, 8, 9}
	m[0], m[2] = m[2], m[0]
	fmt.Println(m)

	// The left sides are checked in order: i first, then j.
	tryIt("both out of range", func() {
		x := []int{1, 2, 3}
		i, j := 5, 7
		x[i], x[j] = x[j], x[i]
	})
	tryIt("second out of range", func() {
		x := []int{1, 2, 3}
		i, j := 1, 7
		x[i], x[j] = x[j], x[i]
		fmt.Println("not reached", x)
	})
	tryIt("nil slice", func() {
		var x []int
		x[0], x[1] = x[1], x[0]
	})
	// A panic leaves both elements as they were.
	x := []int{1, 2, 3}
	tryIt("nothing stored", func() {
		i, j := 0, 3
		x[i], x[j] = x[j], x[i]
	})
	fmt.Println(x)
}
