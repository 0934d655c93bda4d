// append(b, s...) within capacity copies the string's bytes straight into the buffer
// (the inner loop's AppendStr, crates/vm/src/fast_loop.rs) wherever the buffer is: in the
// frame, in the nursery, promoted to the old space by collections, or a large object;
// beyond capacity it grows as before. Also appending a string made from the buffer itself.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var keep [][]byte

func fill(b []byte, n int) []byte {
	for i := 0; i < n; i++ {
		b = append(b, "ab"...)
		b = append(b, ""...)
		b = append(b, string(rune('0'+i%10))...)
	}
	return b
}

func main() {
	var local [64]byte
	b := fill(local[:0], 10)
	fmt.Println(string(b), len(b), cap(b))

	young := make([]byte, 0, 100)
	young = fill(young, 20)
	fmt.Println(len(young), cap(young), string(young[:9]))

	old := make([]byte, 0, 4096)
	keep = append(keep, old)
	runtime.GC()
	runtime.GC()
	old = fill(old, 500)
	fmt.Println(len(old), cap(old), string(old[len(old)-6:]))

	large := make([]byte, 0, 100000)
	large = fill(large, 20000)
	fmt.Println(len(large), cap(large), string(large[59994:]))

	grow := []byte("x")
	grow = fill(grow, 50)
	fmt.Println(len(grow), cap(grow) >= len(grow), string(grow[:7]))

	self := make([]byte, 0, 64)
	self = append(self, "hello"...)
	self = append(self, string(self[1:4])...)
	self = append(self, self[:2]...)
	fmt.Println(string(self))

	var sb strings.Builder
	for i := 0; i < 1000; i++ {
		sb.WriteString("go")
		sb.WriteByte('!')
	}
	s := sb.String()
	fmt.Println(len(s), s[:9], strings.Count(s, "go!"))
}
