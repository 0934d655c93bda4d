// strconv quoting: Quote, QuoteToASCII, QuoteToGraphic and the rune forms (non-printable,
// graphic spaces, invalid UTF-8), IsPrint/IsGraphic, CanBackquote, QuotedPrefix,
// UnquoteChar with each escape kind and its errors, and the Append functions.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"hello", "tab\there", "日本\u00a0x\u2009y\u3000", "bad\xffbyte", "\u200b\ufeff", "\x00\x7f`'\"\\"} {
		fmt.Println(strconv.Quote(s), strconv.QuoteToASCII(s), strconv.QuoteToGraphic(s), strconv.CanBackquote(s))
	}
	for _, r := range []rune{'a', 'é', '\n', 0x00a0, 0x2028, 0x1F600, -1, 0x110000, '\'', 0xFEFF} {
		fmt.Println(strconv.QuoteRune(r), strconv.QuoteRuneToASCII(r), strconv.QuoteRuneToGraphic(r), strconv.IsPrint(r), strconv.IsGraphic(r))
	}
	fmt.Println(strconv.CanBackquote("`"), strconv.CanBackquote("a\tb"), strconv.CanBackquote("a\nb"), strconv.CanBackquote(""))
	for _, s := range []string{`"abc" rest`, "`raw\nx` tail", `'x'y`, `"unterminated`, `"bad\q"`, `'ab'`, `"a\"b"c`, `x`, "", `"\u00e9"!`} {
		p, err := strconv.QuotedPrefix(s)
		fmt.Printf("%q %v\n", p, err)
	}
	for _, s := range []string{`\n`, `\x41z`, `\u00e9`, `\U0001F600`, `\101`, `\'`, `\"`, `\\`, `é!`, `\q`, `\400`, `\uD800`, `\x4`, `"`, ``} {
		for _, q := range []byte{'"', '\'', 0} {
			v, mb, tail, err := strconv.UnquoteChar(s, q)
			fmt.Printf("%q/%q: %q %v %q %v; ", s, q, v, mb, tail, err)
		}
		fmt.Println()
	}
	b := []byte("x:")
	b = strconv.AppendBool(b, true)
	b = strconv.AppendInt(b, -42, 16)
	b = strconv.AppendUint(b, 42, 2)
	b = strconv.AppendFloat(b, 3.25, 'e', 3, 64)
	b = strconv.AppendQuote(b, "q")
	b = strconv.AppendQuoteToASCII(b, "é")
	b = strconv.AppendQuoteToGraphic(b, "\u00a0")
	b = strconv.AppendQuoteRune(b, 'r')
	b = strconv.AppendQuoteRuneToASCII(b, 'é')
	b = strconv.AppendQuoteRuneToGraphic(b, 0x3000)
	fmt.Println(string(b))
}
