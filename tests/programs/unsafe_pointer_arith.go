package main

import (
	"fmt"
	"unsafe"
)

type header struct {
	tag  uint16
	size uint32
	name string
}

func main() {
	// unsafe.Add walking an array.
	arr := [5]int64{1, 2, 3, 4, 5}
	p := unsafe.Pointer(&arr[0])
	sum := int64(0)
	for i := 0; i < len(arr); i++ {
		sum += *(*int64)(unsafe.Add(p, i*8))
	}
	fmt.Println("sum", sum)
	// Negative offsets and other integer types.
	last := unsafe.Pointer(&arr[4])
	fmt.Println(*(*int64)(unsafe.Add(last, -16)), *(*int64)(unsafe.Add(last, int8(-8))), *(*int64)(unsafe.Add(p, uint(8))))

	// Writing through a converted pointer changes the original.
	*(*int64)(unsafe.Add(p, 16)) = 30
	fmt.Println(arr)

	// Field access through Offsetof.
	h := &header{tag: 7, size: 1024, name: "blk"}
	hp := unsafe.Pointer(h)
	fmt.Println(*(*uint32)(unsafe.Add(hp, unsafe.Offsetof(h.size))), *(*string)(unsafe.Add(hp, unsafe.Offsetof(h.name))))
	*(*uint16)(hp) = 9
	fmt.Println(h.tag)

	// Reinterpreting bits.
	f := 1.0
	fmt.Printf("%#x\n", *(*uint64)(unsafe.Pointer(&f)))
	u := uint32(0x40490fdb)
	fmt.Printf("%.5f\n", *(*float32)(unsafe.Pointer(&u)))
	x := int32(-1)
	fmt.Println(*(*uint32)(unsafe.Pointer(&x)))

	// Pointer comparisons and nil.
	var np unsafe.Pointer
	fmt.Println(np == nil, p == unsafe.Pointer(&arr[0]), unsafe.Add(p, 8) == unsafe.Pointer(&arr[1]))
	fmt.Println(uintptr(np), uintptr(unsafe.Pointer(&arr[1]))-uintptr(p))

	// unsafe.Pointer round trips between pointer types.
	ip := &arr[2]
	back := (*int64)(unsafe.Pointer(ip))
	fmt.Println(back == ip, *back)
}
