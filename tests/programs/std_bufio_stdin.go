package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Sums the numbers on each line of standard input (NAME.stdin), reporting bad fields.
func main() {
	sc := bufio.NewScanner(os.Stdin)
	line := 0
	total := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		sum := 0
		for _, f := range strings.Fields(text) {
			n, err := strconv.Atoi(f)
			if err != nil {
				fmt.Fprintf(os.Stdout, "line %d: %v\n", line, err)
				continue
			}
			sum += n
		}
		total += sum
		fmt.Printf("line %d: sum %d\n", line, sum)
	}
	if err := sc.Err(); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println("lines:", line, "total:", total)
	// Stdin is exhausted now.
	n, err := os.Stdin.Read(make([]byte, 8))
	fmt.Println(n, err)
}
