// Generates crates/syntax/tests/data/quote_go.txt, the test vectors of tests/quote.rs, from
// real Go's strconv (Go 1.26.6):
//
//	go run gen_quote.go > quote_go.txt
//
// Lines: `Q in quote quoteToASCII`, `R rune quoteRune quoteRuneToASCII`,
// `U in ok unquote` (byte strings in hex, `-` for empty; ok is 1 when Unquote succeeds).
package main

import (
	"encoding/hex"
	"fmt"
	"math/rand"
	"strconv"
)

func h(s string) string {
	if s == "" {
		return "-"
	}
	return hex.EncodeToString([]byte(s))
}

func main() {
	var qs []string
	qs = append(qs, "", "abc", "\"quoted\" and 'single' and `back` \\ slash", "tab\there\nnl\r\a\b\f\v\x00\x7f")
	for b := 0; b < 256; b++ {
		qs = append(qs, string([]byte{byte(b)}))
	}
	runes := []rune{0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xa1, 0xad, 0xff, 0x100, 0x378, 0x37f, 0x600, 0x61c, 0x200b, 0x200e, 0x2028, 0x2029, 0x202f, 0x2060, 0x3000, 0xd7ff, 0xe000, 0xf8ff, 0xfeff, 0xfff9, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x1000c, 0x1d173, 0x1f600, 0xe0001, 0xe0100, 0xf0000, 0x10fffd, 0x10ffff, 'é', '世', 0x4e00, 0x9fff, 0x1b00}
	for _, r := range runes {
		qs = append(qs, string(r), "x"+string(r)+"y")
	}
	qs = append(qs, "\xe4\xb8", "\xe4\xb8\x96\xe4", "\xf0\x90\x80", "\xf0\x90\x80A", "\xed\xa0\x80", "\xc0\x80", "\xc1\xbf", "\xf4\x90\x80\x80", "\xf5\x80", "\x80\x80\x80", "\xef\xbf\xbd", "\xe0\x80\x80", "\xe0\xa0\x80")
	rng := rand.New(rand.NewSource(1))
	pool := []byte{'a', '"', '\\', '\'', '\n', 0, 0x7f, 0x80, 0xbf, 0xc2, 0xa0, 0xe2, 0x80, 0xa8, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xff, ' ', '`'}
	for i := 0; i < 150; i++ {
		n := rng.Intn(10)
		b := make([]byte, n)
		for j := range b {
			b[j] = pool[rng.Intn(len(pool))]
		}
		qs = append(qs, string(b))
	}
	for _, s := range qs {
		fmt.Printf("Q %s %s %s\n", h(s), h(strconv.Quote(s)), h(strconv.QuoteToASCII(s)))
	}
	rs := []rune{-1, -0x80000000, 0x7fffffff, 0, 7, 8, 9, 10, 11, 12, 13, 0x1f, ' ', '\'', '"', '\\', '`', 'a', 0x7f, 0x80, 0xa0, 0xad, 0xff, 0xd800, 0xdfff, 0xfffd, 0x110000, 0x10ffff, 0x1f600, 0xe0001}
	rs = append(rs, runes...)
	for _, r := range rs {
		fmt.Printf("R %d %s %s\n", r, h(strconv.QuoteRune(r)), h(strconv.QuoteRuneToASCII(r)))
	}
	us := []string{"", "\"", "'", "`", "\"\"", "''", "``", "\"a\"", "'a'", "`a`", "'ab'", "'\\''", "\"\\'\"", "'\\\"'", "\"\\\"\"", "'\"'", "\"'\"",
		"`a\r\nb`", "`a``", "\"a\"b\"", "\"a\nb\"", "`a\nb`", "\"\xff\"", "'\xff'", "\"a\xffb\\n\"", "'\\xff'", "'\\377'", "'\\400'", "\"\\400\"", "\"\\777\"", "\"\\0\"", "\"\\00\"", "\"\\000\"", "\"\\x\"", "\"\\xg0\"", "\"\\x4\"", "\"\\x41\"", "\"\\u12\"", "\"\\u0041\"", "\"\\ud800\"", "\"\\U00110000\"", "\"\\U0010ffff\"", "\"\\U0001F600\"",
		"\"abc", "abc\"", "\"a'", "'a\"", "\"\\\"", "\"\\", "'\\'", "\"\\a\\b\\f\\n\\r\\t\\v\\\\\"", "\"\\q\"", "'\\u00e9'", "'é'", "'世界'", "\"\\xe4\\xb8\\x96\"", "'\\xe4'", "\"\x00\"", "\"\t\"", "'\n'", "\"\r\"", "'\\n'", "x", "\"\\u00\"", "'\\U0001f600'", "\"\xed\xa0\x80\"", "\"\xf0\x90\x80\"", "'\xf0\x90\x80'", "\"\xef\xbb\xbf\"", "`\xff`", "\"é\\\"\"", "\"\\\\\"", "''''", "\"\"\"", "'''"}
	for i, s := range qs {
		us = append(us, strconv.Quote(s))
		if i < len(qs)-150 {
			us = append(us, strconv.QuoteToASCII(s))
		}
	}
	for _, s := range us {
		out, err := strconv.Unquote(s)
		ok := 1
		if err != nil {
			ok = 0
		}
		fmt.Printf("U %s %d %s\n", h(s), ok, h(out))
	}
}
