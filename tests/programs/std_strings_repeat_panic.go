// strings panics in Go's words: Repeat with a negative count (recovered), a Builder
// copied by value after use (recovered), Grow with a negative count (not recovered).
package main

import (
	"fmt"
	"strings"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	try("Repeat -1", func() { strings.Repeat("x", -1) })
	try("Builder copy", func() {
		var a strings.Builder
		a.WriteString("x")
		b := a
		b.WriteString("y")
	})
	var b strings.Builder
	b.Grow(-1)
}
