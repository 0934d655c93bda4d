package main

import (
	"fmt"
	"strings"
)

type Writer interface{ Write(p []byte) (int, error) }

func main() {
	var w any = &strings.Builder{}
	_, ok := w.(fmt.Stringer)
	fmt.Println(ok)
	var e any = fmt.Errorf("x")
	fmt.Println(e.(error).Error())
	b := e.(*strings.Builder)
	fmt.Println(b)
}
