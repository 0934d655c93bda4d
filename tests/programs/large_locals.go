// Local arrays too large for a goroutine stack frame live in a heap cell, as gc moves
// them (`moved to heap`), from 128 KiB up to hundreds of megabytes, whether or not their
// address is taken; the frame stays small, and their pages are committed only as used.
package main

import "fmt"

func sum(n int) int64 {
	var big [1 << 21]int64 // 16 MiB
	for i := 0; i < n; i++ {
		big[i*997%len(big)] += int64(i)
	}
	var t int64
	for i := 0; i < n; i++ {
		t += big[i*997%len(big)]
	}
	return t
}

func main() {
	var a [1<<14 + 1]int64
	a[len(a)-1] = 7
	p := &a[3]
	*p = 5
	fmt.Println(a[3], a[len(a)-1], len(a))
	fmt.Println(sum(100000))
	var huge [1 << 27]int64 // 1 GiB, untouched but for two words
	huge[len(huge)-1] = 9
	fmt.Println(huge[0], huge[len(huge)-1])
}
