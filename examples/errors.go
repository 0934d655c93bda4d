// errors.go — the error interface, errors.New, custom error types, wrapping
// with fmt.Errorf("%w"), errors.Is / errors.As, and panic/recover.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

var ErrNegative = errors.New("negative value")

type RangeError struct {
	Value, Max int
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("%d exceeds maximum %d", e.Value, e.Max)
}

func parseAge(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("parseAge(%q): %w", s, err)
	}
	if n < 0 {
		return 0, fmt.Errorf("parseAge(%q): %w", s, ErrNegative)
	}
	if n > 150 {
		return 0, &RangeError{n, 150}
	}
	return n, nil
}

func safeIndex(s []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return s[i], nil
}

func main() {
	for _, in := range []string{"42", "-1", "abc", "200"} {
		age, err := parseAge(in)
		var re *RangeError
		switch {
		case err == nil:
			fmt.Println("age", age)
		case errors.Is(err, ErrNegative):
			fmt.Println("negative:", err)
		case errors.As(err, &re):
			fmt.Println("too big by", re.Value-re.Max)
		default:
			fmt.Println("other error:", err)
		}
	}
	fmt.Println(safeIndex([]int{1, 2, 3}, 1))
	fmt.Println(safeIndex([]int{1, 2, 3}, 10))
}
