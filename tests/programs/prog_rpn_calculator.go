package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

func eval(expr string) (result float64, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("eval %q: %v", expr, r)
		}
	}()
	var stack []float64
	pop := func() float64 {
		if len(stack) == 0 {
			panic("stack underflow")
		}
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		return v
	}
	for _, tok := range strings.Fields(expr) {
		switch tok {
		case "+", "-", "*", "/":
			b, a := pop(), pop()
			switch tok {
			case "+":
				stack = append(stack, a+b)
			case "-":
				stack = append(stack, a-b)
			case "*":
				stack = append(stack, a*b)
			case "/":
				if b == 0 {
					return 0, errors.New("division by zero")
				}
				stack = append(stack, a/b)
			}
		default:
			v, err := strconv.ParseFloat(tok, 64)
			if err != nil {
				return 0, err
			}
			stack = append(stack, v)
		}
	}
	if len(stack) != 1 {
		return 0, fmt.Errorf("bad expression: %d values left", len(stack))
	}
	return stack[0], nil
}

func main() {
	for _, e := range []string{"3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4", "1 +", "4 0 /", "1 x +", "10 4 /"} {
		v, err := eval(e)
		fmt.Printf("%-20q => %v, %v\n", e, v, err)
	}
}
