// Memory layout with package unsafe: sizes, alignment and field offsets follow gc's
// rules on 64-bit platforms (fields in order, each aligned; the struct padded to its
// alignment), so reordering fields changes the size.
package main

import (
	"fmt"
	"unsafe"
)

type loose struct {
	a bool  // offset 0, then 7 bytes of padding
	b int64 // offset 8
	c bool  // offset 16, then 7 bytes of padding
}

type tight struct {
	b int64 // offset 0
	a bool  // offset 8
	c bool  // offset 9, then 6 bytes of padding
}

func main() {
	var l loose
	var t tight
	fmt.Println("loose:", unsafe.Sizeof(l), unsafe.Offsetof(l.b), unsafe.Offsetof(l.c))
	fmt.Println("tight:", unsafe.Sizeof(t), unsafe.Offsetof(t.a), unsafe.Offsetof(t.c))
	fmt.Println("string, slice, interface:", unsafe.Sizeof(""), unsafe.Sizeof([]int{}), unsafe.Sizeof(any(nil)))

	// Walking an array with unsafe.Add (the pointer stays an unsafe.Pointer, which the
	// collector updates if the array moves).
	arr := [4]int32{10, 20, 30, 40}
	p := unsafe.Pointer(&arr[0])
	for i := 0; i < 4; i++ {
		fmt.Print(*(*int32)(unsafe.Add(p, uintptr(i)*unsafe.Sizeof(arr[0]))), " ")
	}
	fmt.Println()

	// A string's bytes without copying.
	s := "memory"
	bs := unsafe.Slice(unsafe.StringData(s), len(s))
	fmt.Println(string(bs[:3]), unsafe.String(&bs[3], 3))
}
