package main

import (
	"fmt"
	"strconv"
)

func sign(x int) string {
	if x < 0 {
		return "neg"
	} else if x == 0 {
		return "zero"
	} else {
		return "pos"
	}
}

func main() {
	fmt.Println(sign(-2), sign(0), sign(9))
	if n, err := strconv.Atoi("42"); err == nil {
		fmt.Println("parsed", n)
	} else {
		fmt.Println("error", err)
	}
	if n, err := strconv.Atoi("4x"); err != nil {
		fmt.Println("error", n, err)
	}
	a, b := true, false
	if a && !b || b {
		fmt.Println("logic ok")
	}
	calls := 0
	check := func(v bool) bool { calls++; return v }
	if check(false) && check(true) {
	}
	if check(true) || check(true) {
	}
	fmt.Println("calls", calls)
}
