// A local array of 2 GiB, the largest value gosub lays out: gc moves it to the heap
// (`moved to heap: a`), as gosub does, and only the pages written are touched.
package main

import "fmt"

func fill(n int) int {
	var a [1 << 28]int64
	a[5] = int64(n)
	a[len(a)-1] = 9
	s := a[len(a)-3:]
	return len(a) + int(a[5]) + int(s[2]) + int(a[100])
}

func main() {
	var b [1 << 31]byte
	b[1<<30] = 7
	fmt.Println(len(b), b[1<<30], b[0])
	fmt.Println(fill(3))
}
