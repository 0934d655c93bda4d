package main

import "fmt"

func main() {
	s := "héllo"
	fmt.Printf("[%s][%10s][%-10s][%.2s]\n", s, s, s, s)
	fmt.Printf("[%q][%+q][%#q][%x][% X]\n", s, s, "back`tick", "hé", "hé")
	fmt.Printf("%q\n", "tab\there\nnewline \"quoted\" \\ \x00 \u2028")
	fmt.Printf("%q %q %q\n", 'a', '\n', '\'')
	fmt.Printf("%s|%v|%q\n", []string{"a", "b"}, []string{"a b"}, []string{"x", "y"})
	fmt.Printf("%s\n", []byte("bytes"))
	fmt.Printf("%v\n", []byte("bytes"))
	fmt.Printf("%5.1s|%-5.3s|\n", "abc", "abcdef")
	fmt.Printf("%c%c%c\n", 'G', 'o', '!')
	fmt.Printf("%%|%5%|%c\n", 0x4E16)
	fmt.Printf("%s\n", "")
	fmt.Printf("%08s|%-08s|\n", "ab", "ab")
}
