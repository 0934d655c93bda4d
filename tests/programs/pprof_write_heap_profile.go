// runtime/pprof: the heap profile is written in its gzipped protobuf form, Lookup knows
// "heap" and "allocs", and MemProfileRate starts at 512 KiB in a program that imports it.
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/pprof"
)

func main() {
	fmt.Println(runtime.MemProfileRate)
	var buf bytes.Buffer
	if err := pprof.WriteHeapProfile(&buf); err != nil {
		fmt.Println(err)
	}
	b := buf.Bytes()
	fmt.Println(len(b) > 20, b[0] == 0x1f, b[1] == 0x8b)
	fmt.Println(pprof.Lookup("heap").Name(), pprof.Lookup("allocs").Name(), pprof.Lookup("nope") == nil)
	var buf2 bytes.Buffer
	fmt.Println(pprof.Lookup("allocs").WriteTo(&buf2, 0), buf2.Len() > 20)
}
