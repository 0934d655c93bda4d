package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ code int }

func (e *MyErr) Error() string { return fmt.Sprint("code ", e.code) }

func f(n int) error {
	if n > 0 {
		return &MyErr{n}
	}
	return errors.New("zero")
}

func main() {
	fmt.Println(f(1), f(0))
}
