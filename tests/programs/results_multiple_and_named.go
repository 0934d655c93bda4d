package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func parse(s string) (n int, err error) {
	if s == "" {
		err = errors.New("empty")
		return
	}
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n, nil
}

func pair() (int, string) { return 1, "one" }

func takes(n int, s string) string { return fmt.Sprint(n, "-", s) }

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(split(17))
	fmt.Println(parse("123"))
	fmt.Println(parse(""))
	_, e := parse("")
	fmt.Println(e)
	fmt.Println(takes(pair()))
	a, b := pair()
	b, c := "two", a+1
	fmt.Println(a, b, c)
}
