package main

import (
	"bufio"
	"fmt"
	"strings"
)

func main() {
	// Buffer after Scan started panics.
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		s := bufio.NewScanner(strings.NewReader("a\nb\n"))
		s.Scan()
		s.Buffer(make([]byte, 10), 100)
	}()
	// Split after Scan started panics too.
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		s := bufio.NewScanner(strings.NewReader("a\nb\n"))
		s.Scan()
		s.Split(bufio.ScanWords)
	}()
	// A split function that, at EOF, returns empty tokens without advancing.
	s := bufio.NewScanner(strings.NewReader("data"))
	s.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if !atEOF {
			return 0, nil, nil
		}
		return 0, []byte{}, nil
	})
	count := 0
	for s.Scan() {
		count++
		if count%25 == 0 {
			fmt.Println("tokens so far:", count)
		}
	}
	fmt.Println("unreachable")
}
