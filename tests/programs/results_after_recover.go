// What a function returns when a deferred call recovers its panic: its named results as
// they were, and zero values for unnamed ones, even where earlier calls left other values
// in the stack memory its frame reuses (calls zero results only where a return might not
// write them: gosub_bytecode Function::results_written).
package main

import (
	"errors"
	"fmt"
)

type big struct{ a, b, c, d int }

func noisy(n int) (int, string, big) {
	return n * 7, fmt.Sprint("noise", n), big{n, n, n, n}
}

func unnamed(fail bool) (int, string, big) {
	defer func() { recover() }()
	if fail {
		panic("boom")
	}
	return 1, "one", big{1, 2, 3, 4}
}

func named(fail bool) (n int, s string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	n = 5
	if fail {
		panic(errors.New("bad"))
	}
	s = "ok"
	return n, s, nil
}

func plain(k int) (int, big) {
	if k > 2 {
		return k, big{k, k, k, k}
	}
	return -k, big{}
}

func main() {
	for i := 0; i < 3; i++ {
		fmt.Println(noisy(i + 1))
		fmt.Println(unnamed(true))
		fmt.Println(noisy(i + 2))
		fmt.Println(unnamed(false))
		fmt.Println(named(true))
		fmt.Println(named(false))
		fmt.Println(plain(i))
		fmt.Println(plain(i + 3))
	}
}
