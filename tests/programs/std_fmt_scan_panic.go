package main

import (
	"errors"
	"fmt"
)

type failing struct{}

func (*failing) Scan(state fmt.ScanState, verb rune) error {
	return errors.New("failing scanner")
}

type panicky struct{}

func (*panicky) Scan(state fmt.ScanState, verb rune) error {
	panic("scanner blew up")
}

func main() {
	n, err := fmt.Sscan("x", &failing{})
	fmt.Println(n, err)
	var x int
	n, err = fmt.Sscanf("12", "%d%d", &x)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("12", "%z", &x)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("12", "%d", x)
	fmt.Println(n, err)
	// Panics in a Scanner that are not the scanner's own errors propagate.
	fmt.Sscan("y", &panicky{})
	fmt.Println("unreachable")
}
