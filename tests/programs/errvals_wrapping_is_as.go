package main

import (
	"errors"
	"fmt"
)

var ErrBase = errors.New("base failure")

type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *PathError) Unwrap() error { return e.Err }

func open(p string) error {
	return &PathError{p, ErrBase}
}

func main() {
	err := open("/tmp/x")
	wrapped := fmt.Errorf("loading config: %w", err)
	twice := fmt.Errorf("startup: %w", wrapped)
	fmt.Println(twice)
	fmt.Println(errors.Is(twice, ErrBase), errors.Is(twice, errors.New("base failure")))
	var pe *PathError
	if errors.As(twice, &pe) {
		fmt.Println("path:", pe.Path)
	}
	fmt.Println(errors.Unwrap(twice) == wrapped, errors.Unwrap(wrapped) == err)
	fmt.Println(errors.Unwrap(ErrBase) == nil)
	noWrap := fmt.Errorf("no wrap: %v", err)
	fmt.Println(noWrap, errors.Is(noWrap, ErrBase), errors.Unwrap(noWrap))
	fmt.Printf("%T %T\n", wrapped, noWrap)
	multi := fmt.Errorf("both %w and %w", ErrBase, errors.New("other"))
	fmt.Println(multi, errors.Is(multi, ErrBase), errors.Unwrap(multi) == nil)
}
