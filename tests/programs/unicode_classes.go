package main

import (
	"fmt"
	"unicode"
)

func main() {
	for _, r := range "aZ5 é\t世!_" {
		fmt.Printf("%q L%v D%v U%v Lo%v S%v P%v\n", r, unicode.IsLetter(r), unicode.IsDigit(r),
			unicode.IsUpper(r), unicode.IsLower(r), unicode.IsSpace(r), unicode.IsPunct(r))
	}
	fmt.Println(string(unicode.ToUpper('é')), string(unicode.ToLower('Ä')), unicode.ToUpper('1') == '1')
	fmt.Println(unicode.IsNumber('½'), unicode.IsDigit('½'), unicode.IsSpace('\u00a0'))
	fmt.Println(string(unicode.ToTitle('a')), unicode.MaxRune, unicode.ReplacementChar)
}
