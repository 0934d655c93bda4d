// bytes' searching: Index, LastIndex, IndexByte, LastIndexByte, IndexRune (including
// utf8.RuneError and values that are not runes), IndexAny and LastIndexAny (ASCII sets,
// Unicode sets, invalid UTF-8 on either side), IndexFunc, LastIndexFunc, Contains*, Count.
package main

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() {
	s := []byte("chicken, kitchen, 鸡肉, chicken!")
	for _, sep := range []string{"ken", "chicken", "", "肉", "x", "chicken, kitchen, 鸡肉, chicken!", "chicken, kitchen, 鸡肉, chicken!!"} {
		fmt.Printf("%-12q Index=%d LastIndex=%d Count=%d Contains=%t\n", sep, bytes.Index(s, []byte(sep)), bytes.LastIndex(s, []byte(sep)), bytes.Count(s, []byte(sep)), bytes.Contains(s, []byte(sep)))
	}
	fmt.Println(bytes.Index(nil, nil), bytes.LastIndex(nil, nil), bytes.Count(nil, nil), bytes.Count([]byte("aaaa"), []byte("aa")))
	fmt.Println(bytes.IndexByte(s, 'k'), bytes.LastIndexByte(s, 'k'), bytes.IndexByte(s, 'z'), bytes.LastIndexByte(nil, 'a'))

	mixed := []byte("a\xffb€c\xef\xbf\xbdd")
	for _, r := range []rune{'b', '€', utf8.RuneError, 'd', 'z', -1, 0xD800, 0x110000, '\x00'} {
		fmt.Printf("IndexRune(%U)=%d ContainsRune=%t\n", r, bytes.IndexRune(mixed, r), bytes.ContainsRune(mixed, r))
	}

	long := []byte("the quick brown fox jumps over the lazy dog")
	for _, chars := range []string{"xyz", "aeiou", "", "Q", "ß€", "\xff", "dog", "!?"} {
		fmt.Printf("chars %-8q IndexAny=%d LastIndexAny=%d ContainsAny=%t\n", chars, bytes.IndexAny(long, chars), bytes.LastIndexAny(long, chars), bytes.ContainsAny(long, chars))
	}
	for _, in := range []string{"x", "\xff", "€", "ab€", "a\xffb", "\xef\xbf\xbd"} {
		for _, chars := range []string{"x€", "\ufffd", "\xfe", "b"} {
			fmt.Printf("%q in %q: %d %d | ", chars, in, bytes.IndexAny([]byte(in), chars), bytes.LastIndexAny([]byte(in), chars))
		}
		fmt.Println()
	}

	text := []byte("Go 1.26 — ünïcode digits ٣ and spaces\u00a0here")
	fmt.Println(bytes.IndexFunc(text, unicode.IsDigit), bytes.LastIndexFunc(text, unicode.IsDigit))
	fmt.Println(bytes.IndexFunc(text, unicode.IsSpace), bytes.LastIndexFunc(text, unicode.IsSpace))
	fmt.Println(bytes.IndexFunc(text, func(r rune) bool { return r > 0x7f }), bytes.LastIndexFunc(text, func(r rune) bool { return r == 'ï' }))
	fmt.Println(bytes.ContainsFunc(text, unicode.IsUpper), bytes.ContainsFunc(text, unicode.IsControl))
	fmt.Println(bytes.LastIndexFunc([]byte("ab\xff"), func(r rune) bool { return r == utf8.RuneError }))

	// Counting and finding every occurrence.
	doc := []byte("to be, or not to be: that is the question")
	word := []byte("be")
	var at []int
	for off := 0; ; {
		i := bytes.Index(doc[off:], word)
		if i < 0 {
			break
		}
		at = append(at, off+i)
		off += i + len(word)
	}
	fmt.Println(at, bytes.Count(doc, word), bytes.Count(doc, []byte(" ")), bytes.Count([]byte("日本語"), nil))
}
