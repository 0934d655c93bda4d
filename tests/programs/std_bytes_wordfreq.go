// A word-frequency report built with package bytes: the text is read through a
// bytes.Reader into a bytes.Buffer, split into lines and fields, normalised with
// TrimFunc/ToLower/EqualFold, counted, and the report written into another Buffer.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"unicode"
)

const text = `The Go programming language is an open source project
to make programmers more productive. Go is expressive, concise,
clean, and efficient. Its concurrency mechanisms make it easy to
write programs that get the most out of multicore and networked
machines — GO compiles quickly to machine code, yet has the
convenience of garbage collection. "Go!" they said; go, go, GO.`

type entry struct {
	word  []byte
	count int
}

func main() {
	var in bytes.Buffer
	n, err := in.ReadFrom(bytes.NewReader([]byte(text)))
	fmt.Println("read", n, err)

	var entries []entry
	lines := 0
	for line := range bytes.Lines(in.Bytes()) {
		lines++
		for _, f := range bytes.Fields(line) {
			w := bytes.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
			if len(w) == 0 {
				continue
			}
			found := false
			for i := range entries {
				if bytes.EqualFold(entries[i].word, w) {
					entries[i].count++
					found = true
					break
				}
			}
			if !found {
				entries = append(entries, entry{bytes.ToLower(w), 1})
			}
		}
	}
	slices.SortStableFunc(entries, func(a, b entry) int {
		if a.count != b.count {
			return b.count - a.count
		}
		return bytes.Compare(a.word, b.word)
	})

	var report bytes.Buffer
	fmt.Fprintf(&report, "%d lines, %d distinct words\n", lines, len(entries))
	for _, e := range entries[:8] {
		report.WriteString(fmt.Sprintf("%-12s", e.word))
		report.Write(bytes.Repeat([]byte("#"), e.count))
		report.WriteByte(' ')
		fmt.Fprintln(&report, e.count)
	}
	var long [][]byte
	for _, e := range entries {
		if len(e.word) >= 10 {
			long = append(long, bytes.Title(e.word))
		}
	}
	report.WriteString("long words: ")
	report.Write(bytes.Join(long, []byte(", ")))
	report.WriteRune('\n')
	fmt.Println("report bytes:", report.Len())
	if _, err := io.Copy(os.Stdout, &report); err != nil {
		fmt.Println(err)
	}
	fmt.Println("left:", report.Len())
}
