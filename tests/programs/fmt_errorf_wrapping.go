package main

import (
	"errors"
	"fmt"
)

func main() {
	base := errors.New("disk full")
	e1 := fmt.Errorf("write %s: %w", "log.txt", base)
	fmt.Println(e1)
	fmt.Println(errors.Unwrap(e1) == base)
	e2 := fmt.Errorf("%w", e1)
	fmt.Println(e2, errors.Is(e2, base))
	e3 := fmt.Errorf("plain %d", 1)
	fmt.Println(e3, errors.Unwrap(e3) == nil)
	e4 := fmt.Errorf("bad verb %w", "not an error")
	fmt.Println(e4)
	e5 := fmt.Errorf("nil wrap: %w", nil)
	fmt.Println(e5, errors.Unwrap(e5) == nil)
	fmt.Printf("%v|%s|%q\n", e1, e1, e1)
}
