package main

import (
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	for i := 0; i < 5; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "item%d", i)
	}
	sb.WriteByte('!')
	sb.WriteRune('✓')
	fmt.Println(sb.String())
	fmt.Println(sb.Len())
	sb.Reset()
	fmt.Printf("%q %d\n", sb.String(), sb.Len())
	var b2 strings.Builder
	n, err := b2.WriteString("héllo")
	fmt.Println(n, err, b2.String())
	lines := []string{"a", "b", "c"}
	var out strings.Builder
	for i, l := range lines {
		out.WriteString(strings.Repeat(" ", i*2))
		out.WriteString(l)
		out.WriteString("\n")
	}
	fmt.Print(out.String())
}
