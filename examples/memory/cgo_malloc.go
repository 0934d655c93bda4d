// C memory (gosub's emulation of cgo): C.malloc's memory is outside Go's heap. The
// collector never moves or frees it, so it must be freed by hand with C.free, and a
// uintptr to it can be turned back into a pointer (which gosub refuses for Go's moving
// heap). Run with GOSUBDEBUG=cleak=1 (or --gcstats) to list blocks never freed; this
// program "forgets" one on purpose.
package main

// #include <stdlib.h>
import "C"

import (
	"fmt"
	"unsafe"
)

func main() {
	// An array of 8 C ints in C memory, used through unsafe.Slice.
	p := C.malloc(C.size_t(8 * unsafe.Sizeof(C.int(0))))
	ints := unsafe.Slice((*C.int)(p), 8)
	for i := range ints {
		ints[i] = C.int(i * i)
	}
	fmt.Println(ints)

	// Pointer arithmetic through uintptr is allowed for C memory (it never moves).
	third := (*C.int)(unsafe.Pointer(uintptr(p) + 2*unsafe.Sizeof(C.int(0))))
	fmt.Println("third:", *third)
	C.free(p)

	// C strings: copied in and out of C memory.
	cs := C.CString("hello, C")
	fmt.Println(C.GoString(cs), C.GoStringN(cs, 5), len(C.GoBytes(unsafe.Pointer(cs), 3)))
	C.free(unsafe.Pointer(cs))

	// calloc zeroes; realloc keeps the contents.
	q := C.calloc(4, 1)
	b := unsafe.Slice((*byte)(q), 4)
	b[0] = 42
	q = C.realloc(q, 64)
	fmt.Println("after realloc:", *(*byte)(q), *(*byte)(unsafe.Add(q, 1)))

	// Never freed: reported at exit with GOSUBDEBUG=cleak=1.
	_ = q
}
