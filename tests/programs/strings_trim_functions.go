package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	fmt.Printf("[%s]\n", strings.TrimSpace("  \t hello world \n "))
	fmt.Printf("[%s]\n", strings.Trim("xxhixyx", "xy"))
	fmt.Printf("[%s]\n", strings.TrimLeft("xxhixx", "x"))
	fmt.Printf("[%s]\n", strings.TrimRight("xxhixx", "x"))
	fmt.Printf("[%s]\n", strings.TrimPrefix("prefix-body", "prefix-"))
	fmt.Printf("[%s]\n", strings.TrimPrefix("body", "prefix-"))
	fmt.Printf("[%s]\n", strings.TrimSuffix("file.go", ".go"))
	fmt.Printf("[%s]\n", strings.TrimLeft("aaab", "ab"))
	fmt.Printf("[%s]\n", strings.TrimFunc("123abc456", unicode.IsDigit))
	fmt.Printf("[%s]\n", strings.Trim("", "x"))
	fmt.Printf("[%s]\n", strings.TrimSpace("\u00a0 nbsp \u3000"))
}
