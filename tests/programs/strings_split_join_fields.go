package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Printf("%q\n", strings.Split("a,b,c", ","))
	fmt.Printf("%q\n", strings.Split("a,b,c,", ","))
	fmt.Printf("%q\n", strings.Split("abc", ""))
	fmt.Printf("%q\n", strings.Split("", ","))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Printf("%q\n", strings.SplitAfter("a,b,c", ","))
	fmt.Printf("%q\n", strings.Fields("  lots   of\tspace\nhere  "))
	fmt.Printf("%q\n", strings.Fields("   "))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"))
	fmt.Println(strings.Join(nil, ","), strings.Join([]string{"solo"}, ","))
	parts := strings.FieldsFunc("a1b22c333", func(r rune) bool { return r >= '0' && r <= '9' })
	fmt.Printf("%q\n", parts)
}
