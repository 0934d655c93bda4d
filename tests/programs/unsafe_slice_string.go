package main

import (
	"fmt"
	"unsafe"
)

func main() {
	arr := [6]int32{10, 20, 30, 40, 50, 60}
	s := unsafe.Slice(&arr[1], 3)
	fmt.Println(s, len(s), cap(s))
	s[0] = 21
	fmt.Println(arr[1])
	s = append(s, 99) // cap is 3: append copies
	fmt.Println(arr[4], s)

	// unsafe.SliceData returns the pointer to the first element.
	b := []byte("hello, world")
	d := unsafe.SliceData(b)
	fmt.Println(*d, d == &b[0])
	var nilSlice []int
	fmt.Println(unsafe.SliceData(nilSlice) == nil)

	// unsafe.String and unsafe.StringData share memory with their sources.
	str := unsafe.String(&b[7], 5)
	fmt.Println(str, len(str))
	sd := unsafe.StringData("abc")
	fmt.Println(*sd, string(unsafe.Slice(sd, 3)))
	fmt.Println(unsafe.String(nil, 0) == "", unsafe.Slice((*int)(nil), 0) == nil)

	// Lengths of other integer types.
	n := uint8(2)
	fmt.Println(unsafe.Slice(&arr[0], n), unsafe.String(&b[0], int64(5)))

	// Run-time checks.
	defer func() {
		fmt.Println("recovered:", recover())
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			var p *byte
			k := 3
			_ = unsafe.String(p, k)
		}()
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			k := -1
			_ = unsafe.Slice(&arr[0], k)
		}()
	}()
	var p *int32
	k := 2
	fmt.Println(unsafe.Slice(p, k))
}
