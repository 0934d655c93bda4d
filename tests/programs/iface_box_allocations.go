package main

import (
	"fmt"
	"runtime"
)

var sink any

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

type small struct{ a, b int32 }
type one struct{ s string }

func main() {
	cases := []struct {
		name string
		f    func(i int)
	}{
		{"int < 256", func(i int) { sink = i % 200 }},
		{"int >= 256", func(i int) { sink = i + 1000 }},
		{"byte", func(i int) { sink = byte(i) }},
		{"bool", func(i int) { sink = i%2 == 0 }},
		{"int16 small", func(i int) { sink = int16(i % 100) }},
		{"int16 negative", func(i int) { sink = int16(-1 - i%100) }},
		{"uint32", func(i int) { sink = uint32(i % 250) }},
		{"float64 zero", func(i int) { sink = float64(i * 0) }},
		{"float64", func(i int) { sink = float64(i) + 0.5 }},
		{"empty string", func(i int) { sink = fmt.Sprint()[:0] }},
		{"nil slice", func(i int) { var s []int; sink = s }},
		{"struct{int32,int32}", func(i int) { sink = small{1, 2} }},
		{"struct{string} empty", func(i int) { sink = one{} }},
		{"empty struct", func(i int) { sink = struct{}{} }},
	}
	for _, c := range cases {
		before := mallocs()
		for i := 0; i < 1000; i++ {
			c.f(i)
		}
		n := mallocs() - before
		fmt.Printf("%-22s allocates: %v\n", c.name, n >= 1000)
	}
	v := sink
	fmt.Println(v)
}
