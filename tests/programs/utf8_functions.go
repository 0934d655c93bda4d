package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		fmt.Printf("%c:%d ", r, size)
		i += size
	}
	fmt.Println()
	fmt.Println(utf8.RuneLen('a'), utf8.RuneLen('é'), utf8.RuneLen('世'), utf8.RuneLen('😀'), utf8.RuneLen(-1))
	fmt.Println(utf8.ValidString(s), utf8.ValidString("a\xffb"))
	r, size := utf8.DecodeRuneInString("\xff")
	fmt.Println(r == utf8.RuneError, size)
	r, size = utf8.DecodeRuneInString("")
	fmt.Println(r, size)
	buf := make([]byte, 4)
	n := utf8.EncodeRune(buf, '€')
	fmt.Println(n, buf[:n])
	lr, ls := utf8.DecodeLastRuneInString(s)
	fmt.Printf("%c %d\n", lr, ls)
	fmt.Println(utf8.RuneCount([]byte("añb")), utf8.UTFMax, utf8.ValidRune(0xD800))
	b := utf8.AppendRune(nil, 'ß')
	fmt.Println(b, utf8.FullRuneInString("\xe4\xb8"))
}
