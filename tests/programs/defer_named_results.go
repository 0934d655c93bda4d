package main

import (
	"errors"
	"fmt"
)

func double() (n int) {
	defer func() { n *= 2 }()
	return 21
}

func withErr() (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("wrapped: %w", err)
		}
	}()
	return errors.New("inner")
}

func unnamed() int {
	x := 1
	defer func() { x = 100 }()
	return x
}

func order() (s string) {
	defer func() { s += "-a" }()
	defer func() { s += "-b" }()
	s = "start"
	return s + "!"
}

func main() {
	fmt.Println(double())
	fmt.Println(withErr())
	fmt.Println(unnamed())
	fmt.Println(order())
}
