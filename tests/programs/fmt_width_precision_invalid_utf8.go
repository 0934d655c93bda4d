// fmt pads and truncates by runes as Go counts them: each byte of an invalid or cut
// UTF-8 sequence is one rune, and truncation keeps the bytes as they are (found by the
// differential generator, tests/differential.rs). Printed with %q, so that the output
// itself is valid UTF-8.
package main

import "fmt"

func main() {
	s := "日本語"
	cut := s[:2] // two bytes of a three-byte rune
	fmt.Printf("%q\n", fmt.Sprintf("[%-4s] [%4s] [%5d]", cut, cut, len(cut)))
	fmt.Printf("%q\n", fmt.Sprintf("[%.1s] [%.2s] [%.3s]", cut, "a\xffb", s[1:]))
	fmt.Printf("%q %x\n", fmt.Sprintf("%.1s", cut), fmt.Sprintf("%-3s|", "\xe6"))
}
