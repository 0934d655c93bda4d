package main

import (
	"errors"
	"fmt"
)

type ValidationError struct {
	Field string
	Value int
}

func (v ValidationError) Error() string {
	return fmt.Sprintf("invalid %s: %d", v.Field, v.Value)
}

type TempErr interface {
	error
	Temporary() bool
}

type netErr struct{}

func (netErr) Error() string   { return "network down" }
func (netErr) Temporary() bool { return true }

func validate(age int) error {
	if age < 0 {
		return ValidationError{"age", age}
	}
	if age > 150 {
		return fmt.Errorf("validate: %w", ValidationError{"age", age})
	}
	return nil
}

func main() {
	for _, a := range []int{10, -1, 200} {
		err := validate(a)
		var ve ValidationError
		fmt.Println(err, errors.As(err, &ve), ve.Field, ve.Value)
	}
	var err error = netErr{}
	if t, ok := err.(TempErr); ok {
		fmt.Println(t.Temporary(), t)
	}
	var te TempErr
	fmt.Println(errors.As(fmt.Errorf("w: %w", err), &te), te)
	fmt.Println(errors.Is(ValidationError{"a", 1}, ValidationError{"a", 1}))
}
