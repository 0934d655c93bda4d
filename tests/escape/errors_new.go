package main

import "errors"

var ErrX = errors.New("x")

func check(n int) error {
	if n < 0 {
		return ErrX
	}
	return nil
}

func main() {
	println(check(-1) != nil)
}
