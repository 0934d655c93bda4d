// errors: Is, As and AsType over trees of wrapped and joined errors, custom Is/As
// methods, an uncomparable target, ErrUnsupported, Join's message, and As's target checks.
package main

import (
	"errors"
	"fmt"
	"io"
)

var errShort = errors.New("unexpected EOF")

type PathError struct {
	Op, Path string
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": failed" }

type codeErr struct{ code int }

func (e codeErr) Error() string { return fmt.Sprint("code ", e.code) }

// Is matches any codeErr with the same code hundred.
func (e codeErr) Is(target error) bool {
	t, ok := target.(codeErr)
	return ok && t.code/100 == e.code/100
}

// sliceErr is not comparable: Is must not compare it with ==.
type sliceErr struct{ parts []string }

func (e sliceErr) Error() string { return fmt.Sprint(e.parts) }

// asTemp converts itself to a *PathError through As.
type asTemp struct{}

func (asTemp) Error() string { return "temp" }

func (asTemp) As(target any) bool {
	if p, ok := target.(**PathError); ok {
		*p = &PathError{"as", "/tmp"}
		return true
	}
	return false
}

type valueOnly struct{}

func (*valueOnly) Error() string { return "ptr receiver" }

func main() {
	base := &PathError{"open", "/etc/x"}
	wrapped := fmt.Errorf("loading: %w", base)
	joined := errors.Join(io.EOF, nil, wrapped, codeErr{404})
	fmt.Println(joined)
	fmt.Println(errors.Join(nil, nil) == nil, errors.Unwrap(joined) == nil, errors.Unwrap(wrapped) == base)

	fmt.Println(errors.Is(joined, io.EOF), errors.Is(joined, base), errors.Is(joined, codeErr{499}),
		errors.Is(joined, codeErr{500}), errors.Is(nil, nil), errors.Is(nil, io.EOF))
	fmt.Println(errors.Is(sliceErr{[]string{"a"}}, sliceErr{[]string{"a"}}),
		errors.Is(fmt.Errorf("x: %w", sliceErr{}), io.EOF))
	multi := fmt.Errorf("two: %w and %w", errShort, errors.ErrUnsupported)
	fmt.Println(multi, errors.Is(multi, errors.ErrUnsupported), errors.Is(multi, errShort))

	var pe *PathError
	fmt.Println(errors.As(joined, &pe), pe.Path)
	var ce codeErr
	fmt.Println(errors.As(joined, &ce), ce.code)
	var ifc interface{ Is(error) bool }
	fmt.Println(errors.As(joined, &ifc), ifc)
	pe = nil
	fmt.Println(errors.As(errors.Join(asTemp{}), &pe), pe)
	fmt.Println(errors.As(nil, &pe))

	if p, ok := errors.AsType[*PathError](joined); ok {
		fmt.Println("AsType:", p.Op, p.Path)
	}
	c, ok := errors.AsType[codeErr](wrapped)
	fmt.Println(c, ok)
	p2, ok := errors.AsType[*PathError](fmt.Errorf("w: %w", asTemp{}))
	fmt.Println(p2, ok)
	z, ok := errors.AsType[*PathError](nil)
	fmt.Println(z, ok)

	for _, target := range []any{nil, pe, 42, new(int), new(valueOnly)} {
		func() {
			defer func() { fmt.Println("As panics:", recover()) }()
			errors.As(io.EOF, target)
		}()
	}
}
