package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Quote("hello \"world\"\n"))
	fmt.Println(strconv.Quote("tab\t é 世 \x01"))
	fmt.Println(strconv.QuoteToASCII("é 世"))
	fmt.Println(strconv.QuoteRune('☺'), strconv.QuoteRune('\n'))
	s, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", s, err)
	_, err = strconv.Unquote("noquotes")
	fmt.Println(err)
	b := []byte("n=")
	b = strconv.AppendInt(b, 42, 10)
	b = strconv.AppendQuote(b, "q")
	fmt.Println(string(b))
}
