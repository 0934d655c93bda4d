package main

import (
	"fmt"
	str "strings"
)

func main() {
	fmt.Println(str.ToUpper("a"), str.Uppercase("b"))
}
