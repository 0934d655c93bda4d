package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

func main() {
	// A producer goroutine writes lines; the reader consumes them in small pieces.
	pr, pw := io.Pipe()
	go func() {
		for i := 0; i < 3; i++ {
			fmt.Fprintf(pw, "line %d\n", i)
		}
		pw.Close()
	}()
	buf := make([]byte, 4)
	var got strings.Builder
	reads := 0
	for {
		n, err := pr.Read(buf)
		got.Write(buf[:n])
		reads++
		if err != nil {
			fmt.Println("read error:", err, err == io.EOF)
			break
		}
	}
	fmt.Printf("%q in %d reads\n", got.String(), reads)

	// Writing after the reader closed: ErrClosedPipe.
	pr2, pw2 := io.Pipe()
	pr2.Close()
	n, err := pw2.Write([]byte("x"))
	fmt.Println(n, err, err == io.ErrClosedPipe)

	// CloseWithError propagates the writer's error to the reader.
	pr3, pw3 := io.Pipe()
	boom := errors.New("boom")
	go func() {
		pw3.Write([]byte("partial"))
		pw3.CloseWithError(boom)
	}()
	data, err := io.ReadAll(pr3)
	fmt.Printf("%q %v %v\n", data, err, err == boom)

	// The reader closing with an error makes writes fail with it.
	pr4, pw4 := io.Pipe()
	pr4.CloseWithError(errors.New("reader gone"))
	_, err = pw4.Write([]byte("y"))
	fmt.Println(err)
	// Reading from a pipe whose reader is closed.
	_, err = pr4.Read(buf)
	fmt.Println(err)

	// io.Copy from a pipe into a builder.
	pr5, pw5 := io.Pipe()
	go func() {
		io.WriteString(pw5, strings.Repeat("ab", 10))
		pw5.CloseWithError(nil)
	}()
	var sb strings.Builder
	c, err := io.Copy(&sb, pr5)
	fmt.Println(c, err, sb.String())

	// A writer blocks until the data is consumed: two concurrent writers are serialized.
	pr6, pw6 := io.Pipe()
	done := make(chan bool)
	for i := 0; i < 2; i++ {
		go func(i int) {
			pw6.Write([]byte(strings.Repeat(string(rune('a'+i)), 5)))
			done <- true
		}(i)
	}
	go func() {
		<-done
		<-done
		pw6.Close()
	}()
	all, _ := io.ReadAll(pr6)
	fmt.Println(len(all), strings.Count(string(all), "a"), strings.Count(string(all), "b"))
}
