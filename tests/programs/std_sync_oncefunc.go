// sync.OnceFunc, OnceValue and OnceValues: one call, cached results, and a panic that
// repeats on every call (the last one is not recovered).
package main

import (
	"errors"
	"fmt"
	"sync"
)

func main() {
	calls := 0
	f := sync.OnceFunc(func() { calls++; fmt.Println("init ran") })
	f()
	f()
	fmt.Println("calls", calls)

	v := sync.OnceValue(func() int { calls++; return 42 })
	fmt.Println(v(), v(), calls)

	vs := sync.OnceValues(func() (string, error) { calls++; return "cfg", errors.New("warn") })
	s, err := vs()
	s2, err2 := vs()
	fmt.Println(s, err, s2, err2, calls)

	boom := sync.OnceFunc(func() { calls++; panic("boom") })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			boom()
		}()
	}
	fmt.Println("calls", calls)
	bad := sync.OnceValue(func() int { panic(fmt.Sprintf("bad %d", 7)) })
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		bad()
	}()
	bad()
}
