package main

import (
	"errors"
	"fmt"
)

type ParseError struct {
	Line int
	Msg  string
}

func (p *ParseError) Error() string { return fmt.Sprintf("line %d: %s", p.Line, p.Msg) }

func parse(lines []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if pe, ok := r.(*ParseError); ok {
				err = pe
				return
			}
			panic(r)
		}
	}()
	for i, l := range lines {
		if l == "" {
			panic(&ParseError{i + 1, "empty line"})
		}
	}
	return nil
}

func main() {
	fmt.Println(parse([]string{"a", "b"}))
	err := parse([]string{"a", "", "c"})
	fmt.Println(err)
	var pe *ParseError
	fmt.Println(errors.As(err, &pe), pe.Line)
	defer func() {
		fmt.Println("outer:", recover())
	}()
	func() {
		defer func() {
			fmt.Println("inner saw:", recover())
			panic(errors.New("second"))
		}()
		panic(42)
	}()
}
