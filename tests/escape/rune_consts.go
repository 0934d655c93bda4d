package main

import "fmt"

// Rune constants passed to an interface are printed as gc's %q prints a rune
// (strconv.QuoteRune); a surrogate half prints as U+FFFD.
func main() {
	fmt.Println('\a', '\u00a0', 'é', '\n', '\'', rune(0xD800), '\x7f', '\r', '\\', '\U0001F600', '\u2028', 'x')
}
