// Values nested hundreds of levels deep print in full, as Go prints them.
package main

import (
	"fmt"
	"strings"
)

func main() {
	var a any = 1
	for i := 0; i < 300; i++ {
		a = []any{a}
	}
	s := fmt.Sprint(a)
	fmt.Println(len(s), strings.Count(s, "["), strings.Contains(s, "1"))
	type N struct {
		V any
	}
	var n any = 0
	for i := 0; i < 100; i++ {
		n = N{n}
	}
	fmt.Println(len(fmt.Sprintf("%+v", n)))
}
