package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(123)+"!", strconv.Itoa(-45))
	for _, s := range []string{"42", "-7", "+8", "x", "", "3.5", "99999999999999999999", " 1"} {
		n, err := strconv.Atoi(s)
		fmt.Println(n, err)
	}
	_, err := strconv.Atoi("x")
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println(ne.Func, ne.Num, ne.Err)
	}
}
