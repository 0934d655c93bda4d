package main

import "fmt"

func main() {
	s := "hello"
	t := s
	t += " world"
	fmt.Println(s, t)
	fmt.Println("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "ab" < "abc")
	fmt.Println("go" == "g"+"o", s[1:3], s[:0] == "")
	b := []byte(s)
	b[0] = 'j'
	fmt.Println(s, string(b))
	sub := s[1:]
	fmt.Println(sub, len(sub))
	multi := `raw
string \n with "quotes"`
	fmt.Println(multi)
	fmt.Println(len(`\n`), len("\n"))
	var sum int
	for i := 0; i < len(s); i++ {
		sum += int(s[i])
	}
	fmt.Println(sum)
	fmt.Println("x" + string(rune(65+1)) + "z")
}
