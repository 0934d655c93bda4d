package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "oink oink oink"
	fmt.Println(strings.Replace(s, "k", "ky", 2))
	fmt.Println(strings.Replace(s, "oink", "moo", -1))
	fmt.Println(strings.ReplaceAll(s, "o", "0"))
	fmt.Println(strings.Replace("abc", "", "-", -1))
	fmt.Println(strings.ToUpper("héllo wörld"), strings.ToLower("HeLLo ÀÉ"))
	fmt.Println(strings.Repeat("ab", 3), strings.Repeat("x", 0) == "")
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>bold</b>"))
	rot13 := func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+13)%26
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+13)%26
		}
		return r
	}
	fmt.Println(strings.Map(rot13, "Hello, World!"))
	dropVowels := func(r rune) rune {
		if strings.ContainsRune("aeiou", r) {
			return -1
		}
		return r
	}
	fmt.Println(strings.Map(dropVowels, "programming language"))
}
