package main

import (
	"fmt"
	"strings"
)

func caesar(s string, k int) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			b[i] = 'a' + byte((int(c-'a')+k+26)%26)
		case c >= 'A' && c <= 'Z':
			b[i] = 'A' + byte((int(c-'A')+k+26)%26)
		}
	}
	return string(b)
}

func reverseRunes(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func isPalindrome(s string) bool {
	var clean []rune
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			clean = append(clean, r)
		}
	}
	return string(clean) == reverseRunes(string(clean))
}

func main() {
	enc := caesar("Hello, World!", 3)
	fmt.Println(enc, caesar(enc, -3))
	fmt.Println(reverseRunes("héllo 世界"))
	fmt.Println(isPalindrome("A man, a plan, a canal: Panama"), isPalindrome("gosub"))
	s := ""
	for i := 0; i < 5; i++ {
		s += string(rune('a' + i))
	}
	fmt.Println(s, s[1:4], strings.Count(s, "")-1)
}
