package main

import (
	"errors"
	"fmt"
)

var ErrA = errors.New("a failed")
var ErrB = errors.New("b failed")

func step(n int) error {
	if n%2 == 1 {
		return fmt.Errorf("step %d: %w", n, ErrA)
	}
	return nil
}

func main() {
	var errs []error
	for i := 0; i < 4; i++ {
		if err := step(i); err != nil {
			errs = append(errs, err)
		}
	}
	joined := errors.Join(errs...)
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrA), errors.Is(joined, ErrB))
	fmt.Println(errors.Join() == nil, errors.Join(nil, nil) == nil)
	j2 := errors.Join(ErrB, nil, ErrA)
	fmt.Printf("%q\n", j2.Error())
	fmt.Println(errors.Is(nil, ErrA), errors.Is(ErrA, nil))
	e := fmt.Errorf("value %d", 3)
	fmt.Println(e, errors.Unwrap(e))
}
