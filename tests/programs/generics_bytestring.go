// Type parameters constrained to []byte | string (Go's "bytestring" type sets): len,
// indexing (a byte) and slicing (the type parameter itself) without a core type, as
// package time's parsing helpers use them.
package main

import "fmt"

func leadingDigits[bytes []byte | string](s bytes) (n int, rest bytes) {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n, s[i:]
}

type myBytes []byte

func count[S ~string | ~[]byte](s S, b byte) int {
	k := 0
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			k++
		}
	}
	return k + len(s[1:len(s)-1])*0
}

func main() {
	n, rest := leadingDigits("123abc")
	fmt.Println(n, rest)
	m, r2 := leadingDigits([]byte("42!"))
	fmt.Println(m, string(r2), len(r2))
	fmt.Println(count("banana", 'a'), count(myBytes("xxyx"), 'x'))
	fmt.Printf("%T %T\n", rest, r2)
}
