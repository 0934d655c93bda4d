package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

func find(k string) (int, error) {
	if k == "a" {
		return 1, nil
	}
	return 0, ErrNotFound
}

func main() {
	_, err := find("z")
	fmt.Println(err, err == ErrNotFound)
	e1 := errors.New("x")
	e2 := errors.New("x")
	fmt.Println(e1 == e2, e1.Error() == e2.Error())
	v, err := find("a")
	if err != nil {
		fmt.Println("unexpected")
	}
	fmt.Println(v, err)
	fmt.Printf("%T\n", ErrNotFound)
	fmt.Printf("%v|%s|%q\n", err, ErrNotFound, ErrNotFound)
}
