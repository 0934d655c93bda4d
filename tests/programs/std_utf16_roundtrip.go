// unicode/utf16: encoding and decoding with surrogate pairs, invalid runes and unpaired
// surrogates (U+FFFD), RuneLen, AppendRune, and a round trip through UTF-8 strings.
package main

import (
	"fmt"
	"unicode/utf16"
)

func main() {
	s := []rune("héllo, 世界 🎉𝄞")
	enc := utf16.Encode(s)
	fmt.Printf("%d runes -> %d words: %x\n", len(s), len(enc), enc)
	dec := utf16.Decode(enc)
	fmt.Println(string(dec), string(dec) == string(s))

	for _, r := range []rune{'a', 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xffff, 0x10000, 0x1f389, 0x10ffff, 0x110000, -1} {
		r1, r2 := utf16.EncodeRune(r)
		fmt.Printf("%#x: surrogate=%v len=%d pair=%#x,%#x back=%#x\n", r, utf16.IsSurrogate(r),
			utf16.RuneLen(r), r1, r2, utf16.DecodeRune(r1, r2))
	}

	bad := utf16.Encode([]rune{0xd800, -5, 0x110000, 'x'})
	fmt.Printf("%x\n", bad)
	fmt.Printf("%q\n", string(utf16.Decode([]uint16{0xd83c, 'x', 0xdf89, 0xd83c, 0xdf89, 0xd83c})))

	var buf []uint16
	for _, r := range "a€😀" {
		buf = utf16.AppendRune(buf, r)
	}
	buf = utf16.AppendRune(buf, 0xdc00)
	fmt.Printf("%x %q\n", buf, string(utf16.Decode(buf)))
	fmt.Println(len(utf16.Decode(nil)), utf16.Encode(nil) == nil, len(utf16.Encode([]rune{})))
}
