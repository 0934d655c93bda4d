package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"
)

func main() {
	text := "The quick  brown\tfox\n  jumps over\r\nthe lazy dog.\n"
	s := bufio.NewScanner(strings.NewReader(text))
	s.Split(bufio.ScanWords)
	n := 0
	for s.Scan() {
		n++
		fmt.Printf("%d:%s ", n, s.Text())
	}
	fmt.Println(s.Err())

	s = bufio.NewScanner(strings.NewReader(text))
	for s.Scan() {
		fmt.Printf("%q\n", s.Bytes())
	}

	s = bufio.NewScanner(strings.NewReader("añ€\xff!"))
	s.Split(bufio.ScanRunes)
	for s.Scan() {
		fmt.Printf("%q ", s.Text())
	}
	fmt.Println()
	s = bufio.NewScanner(strings.NewReader("abc"))
	s.Split(bufio.ScanBytes)
	for s.Scan() {
		fmt.Printf("%q ", s.Text())
	}
	fmt.Println()

	// Custom split: comma-separated values, with the final empty field.
	s = bufio.NewScanner(strings.NewReader("1,22,,333,"))
	s.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, ','); i >= 0 {
			return i + 1, data[:i], nil
		}
		if !atEOF {
			return 0, nil, nil
		}
		return 0, data, bufio.ErrFinalToken
	})
	for s.Scan() {
		fmt.Printf("%q ", s.Text())
	}
	fmt.Println(s.Err())

	// ErrFinalToken with a nil token stops without one more token.
	s = bufio.NewScanner(strings.NewReader("a STOP b"))
	s.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		adv, tok, err := bufio.ScanWords(data, atEOF)
		if string(tok) == "STOP" {
			return adv, nil, bufio.ErrFinalToken
		}
		return adv, tok, err
	})
	for s.Scan() {
		fmt.Printf("%q ", s.Text())
	}
	fmt.Println(s.Err())

	// A token longer than the buffer's maximum: ErrTooLong.
	s = bufio.NewScanner(strings.NewReader("short\n" + strings.Repeat("z", 100) + "\nafter\n"))
	s.Buffer(make([]byte, 4), 32)
	for s.Scan() {
		fmt.Println("token", s.Text())
	}
	fmt.Println(s.Err(), errors.Is(s.Err(), bufio.ErrTooLong))

	// A split function's error ends the scan.
	bad := errors.New("bad input")
	s = bufio.NewScanner(strings.NewReader("ok ok NO ok"))
	s.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		adv, tok, err := bufio.ScanWords(data, atEOF)
		if string(tok) == "NO" {
			return 0, nil, bad
		}
		return adv, tok, err
	})
	for s.Scan() {
		fmt.Print(s.Text(), " ")
	}
	fmt.Println(s.Err() == bad, s.Scan())

	// Advancing too far is reported.
	s = bufio.NewScanner(strings.NewReader("xyz"))
	s.Split(func(data []byte, atEOF bool) (int, []byte, error) { return len(data) + 1, data, nil })
	fmt.Println(s.Scan(), s.Err())
	s = bufio.NewScanner(strings.NewReader("xyz"))
	s.Split(func(data []byte, atEOF bool) (int, []byte, error) { return -1, nil, nil })
	fmt.Println(s.Scan(), s.Err())
	fmt.Println(bufio.MaxScanTokenSize)

	lines, rest, _ := 0, []byte(nil), error(nil)
	for adv, tok, _ := bufio.ScanLines([]byte("a\r\nb"), true); adv > 0; adv, tok, _ = bufio.ScanLines(rest, true) {
		lines++
		fmt.Printf("adv=%d tok=%q\n", adv, tok)
		if rest == nil {
			rest = []byte("a\r\nb")
		}
		rest = rest[adv:]
	}
	fmt.Println(lines)
}
