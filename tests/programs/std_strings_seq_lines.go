// strings.Lines yields each newline-terminated line with its "\n"; a last line without
// one is yielded as it is, and an empty string yields nothing.
package main

import (
	"fmt"
	"strings"
)

func main() {
	texts := []string{
		"first\nsecond\nthird",
		"ends with newline\n",
		"",
		"\n",
		"\n\nblank lines\n\n",
		"windows\r\nline\r\n",
		"no newline at all",
	}
	for _, t := range texts {
		var lines []string
		strings.Lines(t)(func(line string) bool {
			lines = append(lines, line)
			return true
		})
		fmt.Printf("%q: %d lines %q\n", t, len(lines), lines)
	}

	// Numbering lines, stopping at the first one that starts with "#".
	src := "alpha\nbeta\n# stop here\ngamma\n"
	n := 0
	strings.Lines(src)(func(line string) bool {
		if strings.HasPrefix(line, "#") {
			return false
		}
		n++
		fmt.Printf("%2d | %s", n, line)
		return true
	})
	fmt.Println("numbered", n)

	// Lines' iterator consumes the string it captured: run a second time, it yields
	// nothing (as in Go).
	seq := strings.Lines("x\ny\n")
	for round := 1; round <= 2; round++ {
		seq(func(line string) bool {
			fmt.Printf("round %d: %q\n", round, line)
			return true
		})
	}
}
